-- Shared by the wrk scripts: loads the data file the bench script wrote (one request's worth of
-- whitespace-separated fields per line) and gives every thread its own id.
local common = {}

function common.load(path)
    local rows = {}
    for line in io.lines(path) do
        local row = {}
        for field in line:gmatch("%S+") do
            row[#row + 1] = field
        end
        rows[#rows + 1] = row
    end
    assert(#rows > 0, "no rows in " .. path)
    return rows
end

local next_id = 0
function common.number_threads(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
end

return common
