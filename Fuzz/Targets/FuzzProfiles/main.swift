// ~/.aws/config and ~/.aws/credentials: INI parsing, then resolving profiles (source_profile
// chains, sso-session and services sections). Input: config text, a NUL byte, credentials text.
@testable import AWSAuth
import FuzzSupport

runFuzzer { data in
    let parts = data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let config = String(decoding: parts[0], as: UTF8.self)
    let credentials = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : nil
    let files = SharedConfigFiles.parse(config: config, credentials: credentials)
    for name in ["default"] + files.sections.keys.sorted().prefix(3) {
        _ = try? ProfileConfig.load(name, from: files)
    }
}
