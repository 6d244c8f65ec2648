-- POST a JSON match; non-2xx answers are counted and printed at the end.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"skinLab": {"l": 65, "a": 12, "b": 18}, "hairLab": {"l": 25, "a": 3, "b": 5}, "top": 5}'
