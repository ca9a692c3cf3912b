-- POST /negotiate/reply where every request writes: the first invitee of an open negotiation
-- accepts slot 1, then slot 2, then slot 1 again… (rows: token negotiation_id slot1 slot2).
-- Each thread owns a disjoint share of the rows and a row comes round again only after all the
-- others, so no two in-flight requests answer the same negotiation and no answer repeats the last.
-- run.sh resets these participants to "invited" before each reply run and counts the writes.
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
setup = common.number_threads

function init(args)
    local threads = tonumber(os.getenv("BENCH_THREADS"))
    mine, hits = {}, {}
    for k, row in ipairs(common.load(os.getenv("BENCH_DATA") .. "/reply.txt")) do
        if k % threads == id then
            mine[#mine + 1] = row
        end
    end
    i = 0
end

function request()
    i = i % #mine + 1
    local row = mine[i]
    local h = hits[i] or 0
    hits[i] = h + 1
    local slot = (h % 2 == 0) and row[3] or row[4]
    local body = '{"negotiation_id":"' .. row[2] .. '","action":"accept","slot_ids":["' .. slot .. '"]}'
    return wrk.format("POST", "/negotiate/reply",
        { ["Authorization"] = "Bearer " .. row[1], ["Content-Type"] = "application/json" }, body)
end
