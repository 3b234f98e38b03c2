-- wrk script: cycles through a file of queries (one a line), sending PATH..urlencoded(query),
-- each wrk thread from its own place in the list; done() prints one line "BENCHJSON {...}"
-- with the requests, failures and latency percentiles (microseconds).
-- Usage: wrk ... -s bench/search_load.lua http://HOST:PORT -- QUERIES PATH
--   e.g. PATH "/search?size=10&q=" or "/suggest?q="

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
local next_path = 1

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then table.insert(paths, args[2] .. urlencode(line)) end
  end
  file:close()
  assert(#paths > 0, "no queries in " .. args[1])
  -- thread_number is set by setup() before init() runs in each thread.
  next_path = ((thread_number or 0) * math.floor(#paths / 2)) % #paths + 1
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests": %d, "duration_us": %d, "failures": %d, "non_2xx": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean,
    latency.max))
end
