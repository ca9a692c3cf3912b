-- GET /negotiations/{id}: each request is one participant reading one of their negotiations,
-- cycling over many users and ids (rows: token negotiation_id).
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
setup = common.number_threads

function init(args)
    rows = common.load(os.getenv("BENCH_DATA") .. "/get.txt")
    i = (id * 7919) % #rows
end

function request()
    i = i % #rows + 1
    local row = rows[i]
    return wrk.format("GET", "/negotiations/" .. row[2], { ["Authorization"] = "Bearer " .. row[1] })
end
