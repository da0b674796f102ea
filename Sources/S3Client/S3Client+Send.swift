import AWSAuth
import Foundation
import HTTPTransport

// The request pipeline shared by all operations: attempts of slot → credentials → prepare (address +
// sign) → transfer → error mapping, repeated under the retry policy. Every attempt is signed anew: the
// signature covers the time, and a retry after a skew correction must carry the corrected time.
extension S3Client {
    /// What one attempt came to.
    enum AttemptOutcome {
        case response(HTTPResponse)
        /// `response` is the error answer, when there was one.
        case failed(any Error, retryable: Bool, response: HTTPResponse?)
    }

    /// Sends `request`, retrying what may pass, and returns the 2xx response.
    /// - Throws: ``S3Error`` for error answers, ``S3TransportError`` when no answer came, after the last
    ///   attempt; ``S3ClientError`` (not retried); `CancellationError`.
    func send(_ request: S3Request) async throws -> HTTPResponse {
        let policy = config.retry
        let maxAttempts = max(1, policy.maxAttempts)
        // Set once an attempt failed in a way that may have left its effect on the server.
        var earlierAttemptMayHaveTakenEffect = false
        var credentialsRefetched = false
        var attempt = 1
        // Throttling answers are retried outside `maxAttempts`, within a budget of backoff time.
        var throttledRetries = 0
        var throttledBackoff = 0.0
        while true {
            switch try await self.attempt(request, number: attempt) {
            case .response(let response):
                return response
            case .failed(let error, let retryable, let response):
                if earlierAttemptMayHaveTakenEffect, let response, let s3Error = error as? S3Error,
                   request.settledByEarlierAttempt.contains(s3Error.code) {
                    return response
                }
                if !credentialsRefetched, let s3Error = error as? S3Error, Self.staleCredentialCodes.contains(s3Error.code) {
                    // Temporary credentials the server calls expired (refreshed too late, or a clock
                    // ahead of their issuer's): fetch new ones and try once more, outside the retry
                    // budget (aws-sdk-go-v2's retryer never retries these codes: `aws/retry` `DefaultRetryableErrorCodes`).
                    // Static keys come back unchanged and fail again.
                    credentialsRefetched = true
                    config.credentialsProvider.invalidate()
                    logger.info("S3 called the AWS credentials expired; fetching new ones", metadata: [
                        "code": .string(s3Error.code), "provider": .string(config.credentialsProvider.providerName),
                    ])
                    continue
                }
                let sent = attempt + throttledRetries
                if let s3Error = error as? S3Error, s3Error.isThrottling {
                    let delay = policy.delay(afterAttempt: throttledRetries + 1)
                    guard throttledBackoff + delay <= policy.maxThrottledBackoff else {
                        throw Self.annotated(error, attempts: sent)
                    }
                    throttledBackoff += delay
                    throttledRetries += 1
                    try await backOff(delay, after: error, attempt: sent, of: maxAttempts, throttled: true)
                    continue
                }
                guard retryable, attempt < maxAttempts else { throw Self.annotated(error, attempts: sent) }
                earlierAttemptMayHaveTakenEffect = earlierAttemptMayHaveTakenEffect || Self.mayHaveTakenEffect(error)
                try await backOff(policy.delay(afterAttempt: attempt), after: error, attempt: sent, of: maxAttempts, throttled: false)
                attempt += 1
            }
        }
    }

    /// Counts and logs a retry, then waits `delay` seconds.
    private func backOff(_ delay: Double, after error: any Error, attempt: Int, of maxAttempts: Int, throttled: Bool) async throws {
        retryCounter.add(1, ordering: .relaxed)
        logger.debug("retrying S3 request", metadata: [
            "attempt": .stringConvertible(attempt), "max_attempts": .stringConvertible(maxAttempts),
            "throttled": .stringConvertible(throttled), "request_limit": .stringConvertible(limiter.currentLimit),
            "backoff_seconds": .stringConvertible((delay * 1000).rounded() / 1000),
            "error": .string("\(error)"),
        ])
        try await config.retry.sleep(delay)
    }

    /// One attempt, holding a slot of the client's request limit from before the credentials are fetched
    /// until the answer is in (so a request that waited for its slot is signed with the time it is sent).
    /// Throws only what no retry can fix: unavailable credentials, invalid arguments, cancellation.
    func attempt(_ request: S3Request, number: Int) async throws -> AttemptOutcome {
        let permit = try await limiter.acquire()
        var outcome = RequestLimiter.Outcome.neutral
        defer { limiter.release(permit, outcome: outcome) }
        let result = try await attemptHoldingSlot(request, number: number)
        if case .response = result {
            outcome = .success
        } else if case .failed(let error as S3Error, _, _) = result {
            outcome = error.isThrottling ? .throttled : .neutral
        }
        return result
    }

    private func attemptHoldingSlot(_ request: S3Request, number: Int) async throws -> AttemptOutcome {
        let credentials: Credentials
        do {
            credentials = try await config.credentialsProvider.credentials()
        } catch let cancelled as CancellationError {
            throw cancelled
        } catch {
            throw S3ClientError(
                "\(request.operation) \(S3Location.describe(bucket: request.bucket, key: request.key)) failed: "
                    + "could not get AWS credentials: \(error)")
        }
        let signingOffset = clockSkew.offset
        let prepared = try prepare(request, credentials: credentials, date: Date().addingTimeInterval(signingOffset))
        if config.debugLogging {
            logger.debug("\(DebugLog.request(prepared.http, operation: request.operation, attempt: number, credentials: credentials))")
        }

        let sentAt = Date()
        let response: HTTPResponse
        do {
            var options = transferOptions
            options.maxResponseBytes = prepared.maxResponseBytes
            response = try await http.send(prepared.http, options: options)
        } catch let error as HTTPTransportError {
            var transportError = S3TransportError(
                operation: request.operation, bucket: request.bucket, key: request.key.isEmpty ? nil : request.key,
                endpoint: endpoint.origin, curlCode: error.curlCode, message: error.message)
            transportError.responseTooLarge = error.responseTooLarge
            if config.debugLogging {
                logger.debug("S3 request \(request.operation) got no answer: \(transportError)")
            }
            return .failed(transportError, retryable: transportError.isRetryable, response: nil)
        }
        let receivedAt = Date()
        if config.debugLogging {
            let milliseconds = Int((receivedAt.timeIntervalSince(sentAt) * 1000).rounded())
            logger.debug("\(DebugLog.response(response, operation: request.operation, milliseconds: milliseconds, credentials: credentials))")
        }

        let skew = ClockSkew.observed(in: response, sentAt: sentAt, receivedAt: receivedAt)
        if config.retry.correctsClockSkew, let skew, clockSkew.adopt(skew) {
            logger.debug("adjusted the signing clock to the S3 server's", metadata: [
                "offset_seconds": .stringConvertible(skew.rounded()),
            ])
        }

        guard let error = Self.failure(in: response, for: request) else { return .response(response) }
        var retryable = error.isRetryable || ((200..<300).contains(error.statusCode) && error.code.isEmpty)
        if !retryable, config.retry.correctsClockSkew, ClockSkew.errorCodes.contains(error.code),
           let skew, abs(skew - signingOffset) > ClockSkew.threshold {
            // Signed with a clock too far from the server's: the next attempt signs with the corrected time.
            retryable = true
        }
        if error.code == "SignatureDoesNotMatch" {
            // Comparing both canonical requests pinpoints signing bugs; neither holds the secret key,
            // and the session token and SSE-C key lines are masked.
            logger.debug("S3 rejected the signature", metadata: [
                "canonical_request": .string(Self.maskingSecretHeaders(prepared.signature.canonicalRequest)),
                "server_canonical_request": .string(error.serverCanonicalRequest ?? "(not returned)"),
            ])
        }
        return .failed(error, retryable: retryable, response: response)
    }

    /// The error a response carries: an error status, or (for operations that name their result
    /// document) an `<Error>` document or nothing at all inside a 200, which S3 sends when a long
    /// CompleteMultipartUpload fails after the status line went out, or a 2xx without a header the
    /// operation needs. The empty and missing cases are answers cut off, not refusals, and repeating
    /// the request is safe (S3 accepts a repeated Complete), so they count as retryable.
    static func failure(in response: HTTPResponse, for request: S3Request) -> S3Error? {
        guard (200..<300).contains(response.statusCode) else { return error(from: response, for: request) }
        if let required = request.requiredHeader, (response.header(required) ?? "").isEmpty {
            return S3Error(
                operation: request.operation, bucket: request.bucket, key: request.key.isEmpty ? nil : request.key,
                statusCode: response.statusCode, code: "",
                message: "the answer has no \(required) header (cut off?)", requestId: response.header("x-amz-request-id"))
        }
        guard let expected = request.resultDocument else { return nil }
        let root = XMLLeafReader(response.body).rootName
        if root == "Error" { return error(from: response, for: request) }
        if root == expected { return nil }
        return S3Error(
            operation: request.operation, bucket: request.bucket, key: request.key.isEmpty ? nil : request.key,
            statusCode: response.statusCode, code: "",
            message: root.map { "unexpected <\($0)> document instead of <\(expected)>" }
                ?? "the \(response.statusCode) answer had no <\(expected)> document (cut off?)",
            requestId: response.header("x-amz-request-id"))
    }

    /// Error codes that mean "these credentials are no longer good": worth one fetch of new ones.
    static let staleCredentialCodes: Set<String> = ["ExpiredToken", "InvalidToken", "TokenRefreshRequired"]

    /// Whether a failed attempt may nevertheless have been carried out by the server.
    static func mayHaveTakenEffect(_ error: any Error) -> Bool {
        if error is S3TransportError { return true }
        if let s3Error = error as? S3Error { return s3Error.statusCode >= 500 || (200..<300).contains(s3Error.statusCode) }
        return false
    }

    /// Records how many attempts an error took, for its description.
    static func annotated(_ error: any Error, attempts: Int) -> any Error {
        if var s3Error = error as? S3Error {
            s3Error.attempts = attempts
            return s3Error
        }
        if var transportError = error as? S3TransportError {
            transportError.attempts = attempts
            return transportError
        }
        return error
    }
}
