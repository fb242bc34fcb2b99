-- wrk script for figures 2, 6 and 7 (see bench/run): cycles through a file of paths, one per
-- line (the filter and search URLs, the /near points, the /search queries).
--   wrk -t2 -c64 -d5s -s bench/cycle.lua http://127.0.0.1:PORT -- PATHS_FILE
-- Each wrk thread has its own Lua state: each reads the file in init() and starts at its own
-- offset, so the threads do not ask for the same URL at the same moment.

local threads = 0

function setup(thread)
    thread:set("thread_index", threads)
    threads = threads + 1
end

local paths = {}
local i = 0

function init(args)
    local file = args[1] or error("cycle.lua: give the paths file after --")
    for line in io.lines(file) do
        if line ~= "" then
            paths[#paths + 1] = line
        end
    end
    if #paths == 0 then
        error("cycle.lua: no paths in " .. file)
    end
    i = ((thread_index or 0) * 7919) % #paths
end

function request()
    i = i % #paths + 1
    return wrk.format(nil, paths[i])
end
