-- wrk script of the write-path benchmark (bench/write-path.sh): POST /api/v1/work-logs, each request the next line
-- of a file the benchmark wrote (a staff member's own token, a tab, the log's JSON), so the load rotates over people,
-- items and days. Every request carries its own Idempotency-Key, as a client that retries safely does.
-- Arguments after --: the requests file, a tag that keeps keys unique across runs, the number of wrk threads.

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  for line in io.lines(args[1]) do
    local token, body = line:match("^([^\t]+)\t(.+)$")
    table.insert(lines, { auth = "Bearer " .. token, body = body })
  end
  tag = args[2]
  thread_count = tonumber(args[3])
  sent, ok, non2xx = 0, 0, 0
  statuses = {}
end

function request()
  -- Threads interleave over the lines, so together they walk the file in order.
  local line = lines[(sent * thread_count + thread_index) % #lines + 1]
  sent = sent + 1
  return wrk.format("POST", "/api/v1/work-logs", {
    ["Authorization"] = line.auth,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = tag .. "-" .. thread_index .. "-" .. sent,
  }, line.body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

-- One line the benchmark parses: successes, other answers by status, socket errors and the run's length.
function done(summary, latency, requests)
  local total_ok, total_non2xx, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_non2xx = total_non2xx + thread:get("non2xx")
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  local listed = {}
  for status, count in pairs(by_status) do
    table.insert(listed, status .. ":" .. count)
  end
  local errors = summary.errors
  io.write(string.format("worklog-post ok=%d non2xx=%d statuses=%s socket_errors=%d seconds=%.3f p50_ms=%.1f p99_ms=%.1f\n",
    total_ok, total_non2xx, table.concat(listed, ","), errors.connect + errors.read + errors.write + errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
