import Testing

@testable import PluginTransport

@Suite struct ListenAddressTests {
    @Test func parsesTheCLIsUnixSocket() throws {
        let address = try ListenAddress.parse(network: "unix", address: "/tmp/cq-AbCdEfGhIjKlMnOp.sock")
        #expect(address.description == "/tmp/cq-AbCdEfGhIjKlMnOp.sock")
    }

    @Test func parsesTCPAddressesLikeTheGoSDK() throws {
        #expect(try ListenAddress.parse(network: "tcp", address: "localhost:7777").description == "127.0.0.1:7777")
        #expect(try ListenAddress.parse(network: "tcp4", address: ":9000").description == "0.0.0.0:9000")
        #expect(try ListenAddress.parse(network: "tcp6", address: "[::1]:9000").description == "::1:9000")
    }

    @Test func rejectsBadInputWithAMessageNamingIt() {
        #expect(throws: (any Error).self) { try ListenAddress.parse(network: "tcp", address: "nohost") }
        #expect(throws: (any Error).self) { try ListenAddress.parse(network: "udp", address: "x:1") }
    }
}
