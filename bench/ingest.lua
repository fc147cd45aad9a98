-- wrk script: each request is a batch of 100 distinct track events (unique messageIds), with
-- HTTP Basic auth carrying the write key (WRITE_KEY env), as the Segment Node library sends.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  key = os.getenv("WRITE_KEY")
  auth = "Basic " .. mime_b64(key .. ":")
  prefix = tostring(tid) .. "-" .. tostring(math.random(1, 1e9))
end

function mime_b64(data)
  local b = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((data:gsub('.', function(x)
    local r, byte = '', x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if (#x < 6) then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return b:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end

local channels = { "web", "app", "store", "call_centre", "email" }
local names = { "Product Viewed", "Added To Cart", "Checkout Started", "Order Completed", "Support Call" }

function request()
  counter = counter + 1
  local parts = {}
  for i = 1, 100 do
    local k = (counter * 7 + i) % 5 + 1
    parts[i] = string.format(
      '{"type":"track","event":"%s","userId":"user-%d","messageId":"%s-%d-%d","timestamp":"2026-11-01T10:%02d:00Z",' ..
      '"properties":{"channel":"%s","revenue":%d.5,"sku":"SKU-%d"},"context":{"library":{"name":"wrk"}}}',
      names[k], (counter * 100 + i) % 50000, prefix, counter, i, i % 60, channels[k], i, i)
  end
  local body = '{"batch":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/v1/batch", { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, body)
end
