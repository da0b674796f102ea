import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which hosts `AWS_CONTAINER_CREDENTIALS_FULL_URI` may name over plain http (aws-sdk-go-v2
/// `isAllowedHost`): loopback (127.0.0.0/8, ::1), the ECS agent 169.254.170.2 and EKS Pod Identity
/// 169.254.170.23 / fd00:ec2::23. A name qualifies only if every address it resolves to does. Over
/// https any host is allowed.
enum ContainerHostPolicy {
    enum Verdict: Equatable {
        case allowed
        case notAllowed
        case unresolvable(String)
    }

    static func check(host: String) -> Verdict {
        if let bytes = ipv4(host) { return isAllowed(ipv4: bytes) ? .allowed : .notAllowed }
        if let bytes = ipv6(host) { return isAllowed(ipv6: bytes) ? .allowed : .notAllowed }
        return resolve(host)
    }

    static func isAllowed(ipv4 b: [UInt8]) -> Bool {
        b[0] == 127 || b == [169, 254, 170, 2] || b == [169, 254, 170, 23]
    }

    static func isAllowed(ipv6 b: [UInt8]) -> Bool {
        let loopback = [UInt8](repeating: 0, count: 15) + [1]
        // fd00:ec2::23 = fd00:0ec2:0000:…:0023
        let eksAddress: [UInt8] = [0xFD, 0x00, 0x0E, 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x23]
        if b == loopback || b == eksAddress { return true }
        // IPv4-mapped (::ffff:a.b.c.d) follows the IPv4 rules, as Go's net.IP comparison does.
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return isAllowed(ipv4: Array(b[12...])) }
        return false
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    private static func resolve(_ host: String) -> Verdict {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &result)
        guard status == 0, let first = result else {
            return .unresolvable(String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var node: UnsafeMutablePointer<addrinfo>? = first
        var sawAddress = false
        while let entry = node {
            defer { node = entry.pointee.ai_next }
            guard let address = entry.pointee.ai_addr else { continue }
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                let bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
                }
                guard isAllowed(ipv4: bytes) else { return .notAllowed }
                sawAddress = true
            case AF_INET6:
                let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                }
                guard isAllowed(ipv6: bytes) else { return .notAllowed }
                sawAddress = true
            default:
                return .notAllowed
            }
        }
        return sawAddress ? .allowed : .notAllowed
    }
}
