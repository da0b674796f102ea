// A json column's raw text compacted for output (goccy/go-json's RawMessage checks), with and
// without HTML escaping.
import FileFormats
import FuzzSupport

runFuzzer { data in
    var out: [UInt8] = []
    try? RawJSONCompaction.append(data, escapeHTML: false, to: &out)
    out.removeAll(keepingCapacity: true)
    try? RawJSONCompaction.append(data, escapeHTML: true, to: &out)
}
