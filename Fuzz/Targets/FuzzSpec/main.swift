// The Init request's spec: JSON decoding, validation and defaults (DestinationConfig.load).
import FuzzSupport
@testable import S3Destination

runFuzzer { data in
    _ = try? DestinationConfig.load(spec: data, invocationID: "00000000-0000-0000-0000-000000000000")
    _ = try? DestinationConfig.load(spec: data, invocationID: "")
}
