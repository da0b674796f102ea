// `athena: true`: a json value parsed as Go's encoding/json does, keys sanitised, re-marshalled.
import FileFormats
import FuzzSupport

runFuzzer { data in
    _ = try? AthenaJSONSanitizer.sanitize(json: data)
}
