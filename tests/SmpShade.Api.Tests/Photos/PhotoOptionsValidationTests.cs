using Microsoft.Extensions.Options;
using SmpShade.Api.Tests.Infrastructure;

namespace SmpShade.Api.Tests.Photos;

/// <summary>A misconfigured <c>Photos</c> section stops the service at start, naming the key, rather than serving with it.</summary>
public sealed class PhotoOptionsValidationTests
{
    [Theory]
    [InlineData("Photos:UploadSeconds", "0")]
    [InlineData("Photos:UploadSeconds", "100000")]
    [InlineData("Photos:MaxBytes", "10")]
    [InlineData("Photos:ClippedWarningFraction", "1.5")]
    public void An_out_of_range_photo_setting_stops_the_service_at_start(string key, string value)
    {
        using var factory = new SmpShadeFactory();
        factory.Settings[key] = value;
        Exception error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = Flatten(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, error.ToString());
        Assert.Contains(key.Split(':')[1], validation.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
