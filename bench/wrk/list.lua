-- GET /negotiations?limit=20: the first page of a user's list, cycling over users (rows: token).
local common = dofile(os.getenv("BENCH_DIR") .. "/wrk/common.lua")
setup = common.number_threads

function init(args)
    rows = common.load(os.getenv("BENCH_DATA") .. "/tokens.txt")
    i = (id * 7919) % #rows
end

function request()
    i = i % #rows + 1
    return wrk.format("GET", "/negotiations?limit=20", { ["Authorization"] = "Bearer " .. rows[i][1] })
end
