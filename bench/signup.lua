-- wrk script for bench/signup-benchmark.sh: every request is a sign-up with a new e-mail address.
--   BENCH_SLUG          the conference to sign up for (required)
--   BENCH_EMAIL_PREFIX  makes the addresses unique across phases and runs
-- done() prints one machine-readable RESULT line (latencies in milliseconds).

local slug = os.getenv("BENCH_SLUG")
local prefix = os.getenv("BENCH_EMAIL_PREFIX") or "wrk"
local path = "/api/conferences/" .. slug .. "/registrations"
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

-- Set per thread by setup() in the main Lua state; every thread has its own state and counter.
tid = 0
local counter = 0
local threadCount = 0

function setup(thread)
  threadCount = threadCount + 1
  thread:set("tid", threadCount)
end

function request()
  counter = counter + 1
  local email = string.format("%s-%d-%d@bench.example.org", prefix, tid, counter)
  local body = '{"firstName":"Bench","lastName":"Load","email":"' .. email
    .. '","attendance":"ON_SITE","privacyConsent":true,"photoConsent":false,"locale":"de"}'
  return wrk.format("POST", path, headers, body)
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  local ok = summary.requests - e.status
  io.write(string.format(
    "RESULT requests=%d ok=%d non2xx=%d sock_errors=%d duration_s=%.3f ok_per_s=%.1f"
      .. " p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f mean_ms=%.2f\n",
    summary.requests, ok, e.status, e.connect + e.read + e.write + e.timeout, secs, ok / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000))
end
