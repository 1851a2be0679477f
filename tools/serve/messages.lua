-- wrk script for tools/serve/bench.sh: message events of many conversations, as a bot platform sends them.
--
-- ACTIVE conversations (default 2,000) are open at any moment; each runs the 10 turns of a script, customer and
-- AI alternating, then is done and a new conversation (a new id) takes its slot, so the server sees new
-- conversations and ongoing ones together, each growing to 10 messages. Every HANDOFF_EVERY-th conversation
-- (default 10) asks for a human at turn 5: it is handed off, and from then on the bot stays silent as a real one
-- does (Baton would refuse its messages with 409 `held-by-human`); the customer keeps writing instead, and those
-- messages are appended to the queued thread. So every request is one Baton should accept: any non-2xx is a
-- failure, and the `statuses` field counts them by status.
--
-- THREADS must be wrk's -t (bench.sh sets it) and divide ACTIVE.
-- Each request carries the customer (the first message of a conversation creates it) and a unique platform
-- message id. A conversation's turns are ACTIVE requests apart, so each turn is answered before the next is sent.
-- thread_id is set per thread by setup(); it must be a global (thread:set sets globals, not locals).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  table.insert(threads, thread)
  next_id = next_id + 1
end

function init(args)
  active = tonumber(os.getenv("ACTIVE") or os.getenv("CONVERSATIONS") or "2000")
  handoff_every = tonumber(os.getenv("HANDOFF_EVERY") or "10")
  token = os.getenv("TOKEN")
  stride = tonumber(os.getenv("THREADS") or "2")
  counter = 0
  ok = 0
  failed = 0
  statuses = {}
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

-- A conversation the AI handles to the end.
local kept = {
  '"role":"customer","text":"hi, where is my order? it was due yesterday"',
  '"role":"ai","text":"Let me check the tracking for you.","confidence":0.92',
  '"role":"customer","text":"ok thanks, the number is 4411"',
  '"role":"ai","text":"It is out for delivery today and should arrive by 6pm.","confidence":0.9',
  '"role":"customer","text":"great, what time does the driver usually come?"',
  '"role":"ai","text":"Usually between 2pm and 6pm.","confidence":0.9',
  '"role":"customer","text":"perfect, is the parcel in one box or two?"',
  '"role":"ai","text":"It ships in one box.","confidence":0.91',
  '"role":"customer","text":"thanks a lot, that is all"',
  '"role":"ai","text":"You are welcome, have a nice day!","confidence":0.95',
}

-- A conversation whose customer asks for a human at turn 5; the bot is silent after that.
local handed = {
  kept[1], kept[2], kept[3], kept[4],
  '"role":"customer","text":"this is not helping, I want to talk to a human agent please"',
  '"role":"customer","text":"hello?"',
  '"role":"customer","text":"my order number is 4411 by the way"',
  '"role":"customer","text":"it was supposed to arrive yesterday"',
  '"role":"customer","text":"are you still there?"',
  '"role":"customer","text":"I am still here"',
}

function request()
  counter = counter + 1
  -- Thread t sends n = t, t + threads, t + 2 threads, …: the conversations of slots with its parity.
  local n = counter * stride + thread_id
  local slot = n % active
  local round = math.floor(n / active)
  local turn = round % 10 + 1
  local conversation = math.floor(round / 10) * active + slot
  local script = kept
  if handoff_every > 0 and conversation % handoff_every == 0 then script = handed end
  local body = '{"customer":{"id":"cu' .. conversation .. '","name":"Load Test"},"message":{"id":"w' .. conversation .. "-" .. turn ..
      '",' .. script[turn] .. '}}'
  return wrk.format("POST", "/v1/conversations/bench-" .. conversation .. "/messages", nil, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    failed = failed + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local ok_total, failed_total, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    failed_total = failed_total + thread:get("failed")
    for status, count in pairs(thread:get("statuses")) do by_status[status] = (by_status[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(by_status) do table.insert(parts, string.format('"%d":%d', status, count)) end
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"per_second":%.0f,"ok_2xx":%d,"other":%d,"statuses":{%s},"socket_errors":%d,' ..
    '"p50_ms":%.3f,"p99_ms":%.3f,"p99_9_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), ok_total, failed_total,
    table.concat(parts, ","),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
