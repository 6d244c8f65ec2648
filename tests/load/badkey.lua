-- A storm of wrong keys on an admin route (each request a different wrong key of the right shape); counted by status.
dofile(os.getenv("HERE") .. "/statuses.lua")
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/keys", { ["X-Api-Key"] = string.format("smp_bad%09d_%043d", n, n) })
end
