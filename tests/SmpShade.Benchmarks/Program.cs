using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project tests/SmpShade.Benchmarks -- --filter '*DeltaE*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
