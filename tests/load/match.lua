-- POST a JSON match; answers are counted by status (statuses.lua).
dofile(os.getenv("HERE") .. "/statuses.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"skinLab": {"l": 65, "a": 12, "b": 18}, "hairLab": {"l": 25, "a": 3, "b": 5}, "top": 5}'
