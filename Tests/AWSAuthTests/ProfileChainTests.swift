@testable import AWSAuth
import Foundation
import Testing
import TestSupport

/// `source_profile` chains from a hostile or broken `~/.aws/config` (issue 11): bounded, and
/// loaded without recursing as deep as the file links.
@Suite struct ProfileChainTests {
    /// Each link costs about 13 KiB of stack in a debug build (measured: the 64-link chain needs
    /// between 768 and 896 KiB), so 1 MiB — an eighth of a default thread stack — holds the
    /// longest accepted chain, and refusing longer ones must not recurse past it.
    static let stack = 1 << 20
    /// `count` profiles p0 → p1 → … each assuming a role from the next; the last has keys.
    static func chain(_ count: Int) -> String {
        var text = ""
        for k in 0..<count - 1 {
            text += "[profile p\(k)]\nrole_arn = arn:aws:iam::123456789012:role/r\(k)\nsource_profile = p\(k + 1)\n"
        }
        text += "[profile p\(count - 1)]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = S\n"
        return text
    }

    static func load(config: String, profile: String) throws -> AWSConfig {
        let home = try AuthTestSupport.temporaryDirectory("profile-chain")
        defer { AuthTestSupport.remove(home) }
        try AuthTestSupport.write(config, to: home + "/.aws/config")
        return try AWSConfig.load(environment: AuthTestSupport.environment(home: home, [:]), profile: profile)
    }

    @Test("a chain of 64 profiles resolves to its last profile's keys")
    func longestChainResolves() throws {
        let config = Self.chain(ProfileConfig.maximumChainLength)
        var profile = try #require(try onSmallStack(bytes: Self.stack) { try Self.load(config: config, profile: "p0") }.profile)
        var links = 1
        while let source = profile.source {
            profile = source
            links += 1
        }
        #expect(links == ProfileConfig.maximumChainLength)
        #expect(profile.accessKeyID == "AKIDEXAMPLE")
    }

    @Test("longer chains (650 profiles, the issue's) are a clear error naming the profile, not a stack overflow",
          arguments: [ProfileConfig.maximumChainLength + 1, 650])
    func longerChainsAreRefused(count: Int) throws {
        let config = Self.chain(count)
        #expect { try onSmallStack(bytes: Self.stack) { try Self.load(config: config, profile: "p0") } } throws: {
            "\($0)".hasPrefix("source_profile chain of profile p0 is longer than 64 profiles (p0 -> p1 -> p2 -> …)")
        }
    }

    @Test("a cycle of three profiles without keys ends as aws-sdk-go-v2 ends it: the profile met again lends nothing")
    func longCycleEndsWithTheSDKsError() throws {
        let config = (0..<3).map { k in
            "[profile c\(k)]\nrole_arn = arn:aws:iam::123456789012:role/c\(k)\nsource_profile = c\((k + 1) % 3)\n"
        }.joined()
        #expect { try onSmallStack(bytes: Self.stack) { try Self.load(config: config, profile: "c0") } } throws: {
            "\($0)".hasPrefix("failed to load assume role arn:aws:iam::123456789012:role/c2, of profile c0")
        }
    }
}
