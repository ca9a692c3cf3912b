-- POST /negotiate/finalize: the organizer of an open negotiation picks its first slot and venue
-- (rows: token negotiation_id slot venue). Each thread owns a disjoint share of the rows and
-- sends each once, so every request confirms a different negotiation; a thread that has used
-- all its rows stops (a repeated finalize would be a cheaper no-op). run.sh reopens the
-- negotiations afterwards (bench/reset-finalize.sql) and checks that each request confirmed one.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
setup = common.number_threads

function init(args)
    local threads = tonumber(os.getenv("BENCH_THREADS"))
    mine = {}
    for k, row in ipairs(common.load(os.getenv("BENCH_DATA") .. "/finalize.txt")) do
        if k % threads == id then
            mine[#mine + 1] = row
        end
    end
    i, answered = 0, 0
end

function request()
    if i < #mine then
        i = i + 1
    else
        -- Every row is sent: stop at once; this last request (a repeat) is not waited for.
        wrk.thread:stop()
    end
    local row = mine[i]
    local body = '{"negotiation_id":"' .. row[2] .. '","slot_id":"' .. row[3] .. '","venue_id":"' .. row[4] .. '"}'
    return wrk.format("POST", "/negotiate/finalize",
        { ["Authorization"] = "Bearer " .. row[1], ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
    answered = answered + 1
    if answered >= #mine then
        wrk.thread:stop()
    end
end
