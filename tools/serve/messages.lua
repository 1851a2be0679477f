-- wrk script for tools/serve/bench.sh: message events spread over many conversations.
-- Each request is one customer or AI message with a unique platform id; the first message of a conversation
-- carries the customer, so it is created. Counts 2xx and other answers per thread, and prints JSON at the end.
-- thread_id is set per thread by setup(); it must be a global (thread:set sets globals, not locals).
local threads = {}
local counter = 0
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  table.insert(threads, thread)
  next_id = next_id + 1
end

function init(args)
  conversations = tonumber(os.getenv("CONVERSATIONS") or "20000")
  token = os.getenv("TOKEN")
  ok = 0
  failed = 0
  statuses = {}
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

local texts = {
  '"role":"customer","text":"hi, where is my order? it was due yesterday"',
  '"role":"ai","text":"Let me check the tracking for you.","confidence":0.92',
  '"role":"customer","text":"ok thanks, the number is 4411"',
  '"role":"ai","text":"It is out for delivery today.","confidence":0.88',
}

function request()
  counter = counter + 1
  local n = counter * 16 + thread_id
  local conversation = n % conversations
  local turn = math.floor(n / conversations) % #texts + 1
  local body = '{"customer":{"id":"cu' .. conversation .. '","name":"Load Test"},"message":{"id":"w' .. thread_id .. "-" .. counter ..
      '",' .. texts[turn] .. '}}'
  return wrk.format("POST", "/v1/conversations/bench-" .. conversation .. "/messages", nil, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else failed = failed + 1; statuses[status] = (statuses[status] or 0) + 1 end
end

function done(summary, latency, requests)
  local ok_total, failed_total = 0, 0
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    failed_total = failed_total + thread:get("failed")
  end
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"per_second":%.0f,"ok_2xx":%d,"other":%d,"socket_errors":%d,' ..
    '"p50_ms":%.3f,"p99_ms":%.3f,"p99_9_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), ok_total, failed_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
