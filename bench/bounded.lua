-- wrk script for figure 5 (see bench/run): TOTAL requests, every one a distinct query string,
-- shared out among the threads; then each connection idles (one cheap request a second).
--   wrk -t2 -c64 -d120s -s bench/bounded.lua http://127.0.0.1:PORT -- TOTAL THREADS TEXTS DISTRICTS BASES
-- TEXTS: percent-encoded search texts, DISTRICTS: district slugs, BASES: named pages (one a line).
--
-- Request g (0 <= g < TOTAL; thread t sends g = t*per_thread .. (t+1)*per_thread - 1):
--   odd g:  a base page + an unknown 4 KB parameter (its cache key is the base page's);
--   even g: by (g/2) mod 4, a distinct valid query (each a new cache entry):
--     0 /products?page=N[&category=C]            1 /products?q=TEXT&page=N
--     2 /showrooms?q=TEXT&district=D&kind=K&stars=S  3 a base page + a small unknown parameter

local threads_made = 0

function setup(thread)
    thread:set("thread_index", threads_made)
    threads_made = threads_made + 1
end

local total, first, last, n = 0, 0, 0, 0
local texts, districts, bases = {}, {}, {}
local idle = false
-- wrk calls request() once in the first thread's state to check the request it builds, and
-- sends nothing for it: that call gets /healthz and does not use up a query string.
local checked = false
local PAD = string.rep("x", 4096)
local KINDS = { "", "showroom", "design_centre" }
local STARS = { "", "3", "4", "5" }
local CATEGORIES = { "", "food", "beverages", "herbal", "fabrics_garments", "handicrafts", "rural_tourism" }

local function read_lines(file)
    local t = {}
    for line in io.lines(file) do
        if line ~= "" then
            t[#t + 1] = line
        end
    end
    if #t == 0 then
        error("bounded.lua: nothing in " .. file)
    end
    return t
end

function init(args)
    total = tonumber(args[1])
    local threads = tonumber(args[2])
    texts, districts, bases = read_lines(args[3]), read_lines(args[4]), read_lines(args[5])
    local per_thread = math.ceil(total / threads)
    first = (thread_index or 0) * per_thread
    last = math.min(first + per_thread, total)
    n = first
end

local function pick(list, i)
    return list[(i % #list) + 1]
end

local function with_param(path, param)
    if string.find(path, "?", 1, true) then
        return path .. "&" .. param
    end
    return path .. "?" .. param
end

local function path_of(g)
    local h = math.floor(g / 2)
    if g % 2 == 1 then
        local id = string.format("%d-", g)
        return with_param(pick(bases, h), "ref=" .. id .. string.sub(PAD, 1, 4096 - #id))
    end
    local kind, c = h % 4, math.floor(h / 4)
    if kind == 0 then
        local path = string.format("/products?page=%d", c % 100000 + 1)
        local category = CATEGORIES[math.floor(c / 100000) % #CATEGORIES + 1]
        if category ~= "" then
            path = path .. "&category=" .. category
        end
        return path
    elseif kind == 1 then
        return string.format("/products?q=%s&page=%d", pick(texts, c), math.floor(c / #texts) % 100000 + 1)
    elseif kind == 2 then
        local combo = math.floor(c / #texts)
        local d = combo % (#districts + 1)
        local rest = math.floor(combo / (#districts + 1))
        local path = "/showrooms?q=" .. pick(texts, c)
        if d > 0 then
            path = path .. "&district=" .. districts[d]
        end
        if KINDS[rest % 3 + 1] ~= "" then
            path = path .. "&kind=" .. KINDS[rest % 3 + 1]
        end
        if STARS[math.floor(rest / 3) % 4 + 1] ~= "" then
            path = path .. "&stars=" .. STARS[math.floor(rest / 3) % 4 + 1]
        end
        return path
    end
    return with_param(pick(bases, c), string.format("utm_source=bench-%d", g))
end

function request()
    if not checked and (thread_index or 0) == 0 then
        checked = true
        return wrk.format(nil, "/healthz")
    end
    if n >= last then
        idle = true
        return wrk.format(nil, "/healthz")
    end
    local path = path_of(n)
    n = n + 1
    return wrk.format(nil, path)
end

function delay()
    if idle then
        return 1000
    end
    return 0
end
