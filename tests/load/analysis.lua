-- POST the multipart photo body prepared by measure.sh; answers are counted by status (statuses.lua).
dofile(os.getenv("HERE") .. "/statuses.lua")
local f = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. os.getenv("BOUNDARY")
