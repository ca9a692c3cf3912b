-- POST /negotiate/finalize: the organizer of an open negotiation picks its first slot and venue
-- (rows: token negotiation_id slot venue). Each thread owns a disjoint share of the rows and
-- visits each at most once, so every request confirms a different negotiation; run.sh keeps the
-- run short enough that no thread runs out, and reopens the negotiations afterwards.
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
    i = 0
end

function request()
    i = i % #mine + 1
    local row = mine[i]
    local body = '{"negotiation_id":"' .. row[2] .. '","slot_id":"' .. row[3] .. '","venue_id":"' .. row[4] .. '"}'
    return wrk.format("POST", "/negotiate/finalize",
        { ["Authorization"] = "Bearer " .. row[1], ["Content-Type"] = "application/json" }, body)
end
