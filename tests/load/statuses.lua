-- Counts answers by HTTP status in every wrk thread and prints them at the end ("statuses: 200=…").
-- Loaded by the request scripts with dofile; wrk gives each thread its own Lua state, so the counts are gathered in done().
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write(string.format("statuses: %s; socket errors: connect %d, read %d, write %d, timeout %d; p50 %.1f ms, p99 %.1f ms\n",
    table.concat(parts, " "), summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
