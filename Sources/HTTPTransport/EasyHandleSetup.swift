import CCurl

/// Sets a (freshly reset) easy handle up for one request: method and body, headers, timeouts, TLS.
enum EasyHandleSetup {
    static func configure(
        _ h: UnsafeMutableRawPointer, request: HTTPRequest, options: HTTPTransferOptions, state: TransferState
    ) {
        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            // "Name;" is curl's syntax for a header with an empty value ("Name:" would remove it).
            headerList = curl_slist_append(
                headerList, header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }

        _ = ccurl_setopt_str(h, CURLOPT_URL, request.url)
        _ = ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)      // no SIGALRM-based timeouts in a threaded process
        _ = ccurl_setopt_long(h, CURLOPT_PATH_AS_IS, 1)    // keep `/./`, `/../`, `//` in keys: they are signed as sent
        _ = ccurl_setopt_long(h, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        // Only http(s): a URL from the environment (a container credentials endpoint) must not make
        // libcurl read files or talk other protocols; redirects are not followed (nor do the SDKs).
        _ = ccurl_setopt_str(h, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout))
        if let total = options.totalTimeout { _ = ccurl_setopt_long(h, CURLOPT_TIMEOUT_MS, milliseconds(total)) }
        if let stall = options.stallTimeout {
            _ = ccurl_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, 1)
            _ = ccurl_setopt_long(h, CURLOPT_LOW_SPEED_TIME, max(1, milliseconds(stall) / 1000))
        }
        _ = ccurl_setopt_long(h, CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_setopt_str(h, CURLOPT_USERAGENT, options.userAgent)
        if options.bypassProxy { _ = ccurl_setopt_str(h, CURLOPT_NOPROXY, "*") }
        if options.skipTLSVerify {
            _ = ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 0)
            _ = ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let ca = options.caBundlePath, !ca.isEmpty { _ = ccurl_setopt_str(h, CURLOPT_CAINFO, ca) }

        let method = request.method.uppercased()
        if !request.body.isEmpty || method == "PUT" || method == "POST" {
            // Uploaded through the read callback (with Content-Length; an empty body as
            // `Content-Length: 0`, which the IMDS token PUT and CreateMultipartUpload expect), so a
            // retried or rewound upload re-reads the same bytes.
            _ = ccurl_setopt_long(h, CURLOPT_UPLOAD, 1)
            _ = ccurl_setopt_off(h, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.body.count))
            if method != "PUT" { _ = ccurl_setopt_str(h, CURLOPT_CUSTOMREQUEST, method) }
            let expect = request.body.count >= options.expectContinueThreshold ? "Expect: 100-continue" : "Expect:"
            headerList = curl_slist_append(headerList, expect)
        } else if method == "GET" {
            _ = ccurl_setopt_long(h, CURLOPT_HTTPGET, 1)
        } else if method == "HEAD" {
            _ = ccurl_setopt_long(h, CURLOPT_NOBODY, 1)
        } else {
            _ = ccurl_setopt_str(h, CURLOPT_CUSTOMREQUEST, method)
        }
        state.headerList = headerList
        _ = ccurl_setopt_slist(h, CURLOPT_HTTPHEADER, headerList)
        state.install(on: h)
    }

    /// Seconds → milliseconds for libcurl, clamped to 1 ms … 24 h (a NaN or absurd setting must not trap).
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int(min(seconds, 86_400) * 1000)
    }
}
