import Testing
@testable import S3Destination
