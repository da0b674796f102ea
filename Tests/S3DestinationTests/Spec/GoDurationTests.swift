import Testing
@testable import S3Destination

/// `GoDuration`, the spec's `batch_timeout` value (its text rules are tested in GoTextTests).
@Suite struct GoDurationTests {
    @Test func conveniences() throws {
        #expect(GoDuration.seconds(30).seconds == 30)
        #expect(GoDuration.seconds(30).swiftDuration == .seconds(30))
        #expect(GoDuration.zero < GoDuration(nanoseconds: 1))
        #expect(try GoDuration.parse("-1h30m").description == "-1h30m0s")
    }
}
