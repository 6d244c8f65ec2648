-- POST a JSON match with a random measured skin every time (L* 55–71, a* 9–14, b* 14–20, three decimals), so requests
-- practically never share a fitted skin: the cost of every client's first match. Counted by status (statuses.lua).
dofile(os.getenv("HERE") .. "/statuses.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local count_init = init
function init(args)
  count_init(args)
  -- Each wrk thread has its own Lua state: seed each from the clock and the address of a fresh table.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16))
end
function request()
  local body = string.format('{"skinLab": {"l": %.3f, "a": %.3f, "b": %.3f}, "hairLab": {"l": 25, "a": 3, "b": 5}, "top": 5}',
    55 + math.random() * 16, 9 + math.random() * 5, 14 + math.random() * 6)
  return wrk.format(nil, nil, nil, body)
end
