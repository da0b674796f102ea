import GoText

/// Decodes the Init request's spec bytes into a `DestinationSpec` the way the Go plugin's
/// `json.Unmarshal(spec, &c.spec)` does: unknown keys ignored, keys matched
/// case-insensitively, `null` meaning "leave as is" (or "absent" for pointer fields), and
/// errors worded like Go's, wrapped as `failed to unmarshal s3 spec: ...`.
enum SpecDecoder {
    static func decodeSpec<Bytes: Collection>(_ bytes: Bytes) throws -> DestinationSpec where Bytes.Element == UInt8 {
        let document: GoJSONValue
        do {
            document = try GoJSONValue.parse(bytes)
        } catch {
            throw failure(error.message)
        }
        var state = GoDecodeState()
        var spec = DestinationSpec()
        do {
            try decodeSpecObject(document, into: &spec, &state)
        } catch let abort as GoDecodeAbort {
            throw failure(abort.message)
        }
        if let message = state.savedError {
            throw failure(message)
        }
        return spec
    }

    private static func failure(_ message: String) -> SpecError {
        SpecError(.decode, "failed to unmarshal s3 spec: " + message)
    }

    /// The Go struct fields of `spec.Spec` by JSON name (25 keys); the first three are promoted
    /// from the embedded `filetypes.FileSpec`.
    enum Key {
        case format, formatSpec, compression
        case bucket, region, localProfile, credentials, path, noRotate, athena, testWrite
        case contentType, endpoint, serverSideEncryption, usePathStyle, endpointSkipTLSVerify, acl
        case writeEmptyObjects, batchSize, batchSizeBytes, batchTimeout, awsDebug, maxRetries
        case maxBackoff, partSize
        case memoryBudgetBytes, requestChecksumCalculation, manifestPath, maxConcurrentRequests  // beyond Go
        case storageClass, tags, metadata, contentEncoding, ifNoneMatch, maxOpenPartitions  // beyond Go
    }

    static let keys: [(name: String, field: Key)] = [
        ("format", .format), ("format_spec", .formatSpec), ("compression", .compression),
        ("bucket", .bucket), ("region", .region), ("local_profile", .localProfile),
        ("credentials", .credentials), ("path", .path), ("no_rotate", .noRotate), ("athena", .athena),
        ("test_write", .testWrite), ("content_type", .contentType), ("endpoint", .endpoint),
        ("server_side_encryption_configuration", .serverSideEncryption), ("use_path_style", .usePathStyle),
        ("endpoint_skip_tls_verify", .endpointSkipTLSVerify), ("acl", .acl),
        ("write_empty_objects_for_empty_tables", .writeEmptyObjects), ("batch_size", .batchSize),
        ("batch_size_bytes", .batchSizeBytes), ("batch_timeout", .batchTimeout), ("aws_debug", .awsDebug),
        ("max_retries", .maxRetries), ("max_backoff", .maxBackoff), ("part_size", .partSize),
        ("memory_budget_bytes", .memoryBudgetBytes),
        ("request_checksum_calculation", .requestChecksumCalculation), ("manifest_path", .manifestPath),
        ("max_concurrent_requests", .maxConcurrentRequests),
        ("storage_class", .storageClass), ("tags", .tags), ("metadata", .metadata),
        ("content_encoding", .contentEncoding), ("if_none_match", .ifNoneMatch),
        ("max_open_partitions", .maxOpenPartitions),
    ]

    private static func decodeSpecObject(
        _ document: GoJSONValue, into spec: inout DestinationSpec, _ state: inout GoDecodeState
    ) throws {
        let members: [GoJSONMember]
        switch document {
        case .object(let m):
            members = m
        case .null:
            // Go sets its *Spec to nil here and then crashes in Validate; an empty spec gives
            // the user the useful "`bucket` is required" instead.
            return
        default:
            state.save(GoJSON.typeError(document.goKindName, goType: "spec.Spec", nil))
            return
        }
        let root = GoFieldContext(structName: "Spec", fieldPath: [])
        for member in members {
            guard let key = GoJSONFieldName.match(member.key, in: keys) else { continue }  // unknown keys are ignored
            try apply(key.field, member.value, to: &spec, root, &state)
        }
    }

    private static func apply(
        _ key: Key, _ value: GoJSONValue, to spec: inout DestinationSpec, _ root: GoFieldContext,
        _ state: inout GoDecodeState
    ) throws {
        func at(_ name: String) -> GoFieldContext { root.appending(name, inStruct: "Spec") }
        func fileSpec(_ name: String) -> GoFieldContext {
            GoFieldContext(structName: "Spec", fieldPath: root.fieldPath + ["FileSpec", name])
        }
        func string(_ name: String, _ field: inout String) {
            if let s = GoJSON.string(value, at(name), &state) { field = s }
        }
        func bool(_ name: String, _ field: inout Bool) {
            if let b = GoJSON.bool(value, at(name), &state) { field = b }
        }

        switch key {
        case .format:
            if let s = GoJSON.string(value, goType: "filetypes.FormatType", fileSpec("format"), &state) {
                spec.format = s
            }
        case .formatSpec:
            decodeFormatSpecAny(value, into: &spec, fileSpec("format_spec"), &state)
        case .compression:
            if let s = GoJSON.string(value, goType: "filetypes.CompressionType", fileSpec("compression"), &state) {
                spec.compression = s
            }
        case .bucket: string("bucket", &spec.bucket)
        case .region: string("region", &spec.region)
        case .localProfile: string("local_profile", &spec.localProfile)
        case .credentials:
            spec.credentials = decodeCredentials(value, current: spec.credentials, at("credentials"), &state)
        case .path: string("path", &spec.path)
        case .noRotate: bool("no_rotate", &spec.noRotate)
        case .athena: bool("athena", &spec.athena)
        case .testWrite:
            spec.testWrite = GoJSON.optionalBool(value, current: spec.testWrite, at("test_write"), &state)
        case .contentType: string("content_type", &spec.contentType)
        case .endpoint: string("endpoint", &spec.endpoint)
        case .serverSideEncryption:
            spec.serverSideEncryptionConfiguration = decodeSSE(
                value, current: spec.serverSideEncryptionConfiguration,
                at("server_side_encryption_configuration"), &state)
        case .usePathStyle: bool("use_path_style", &spec.usePathStyle)
        case .endpointSkipTLSVerify: bool("endpoint_skip_tls_verify", &spec.endpointSkipTLSVerify)
        case .acl: string("acl", &spec.acl)
        case .writeEmptyObjects: bool("write_empty_objects_for_empty_tables", &spec.writeEmptyObjectsForEmptyTables)
        case .batchSize:
            spec.batchSize = GoJSON.optionalInt64(
                value, goType: "int64", current: spec.batchSize, at("batch_size"), &state)
        case .batchSizeBytes:
            spec.batchSizeBytes = GoJSON.optionalInt64(
                value, goType: "int64", current: spec.batchSizeBytes, at("batch_size_bytes"), &state)
        case .batchTimeout:
            spec.batchTimeout = try decodeDuration(value, current: spec.batchTimeout, at("batch_timeout"), &state)
        case .awsDebug: bool("aws_debug", &spec.awsDebug)
        case .maxRetries:
            spec.maxRetries = GoJSON.optionalInt64(
                value, goType: "int", current: spec.maxRetries.map(Int64.init), at("max_retries"), &state
            ).map { Int($0) }
        case .maxBackoff:
            spec.maxBackoff = GoJSON.optionalInt64(
                value, goType: "int", current: spec.maxBackoff.map(Int64.init), at("max_backoff"), &state
            ).map { Int($0) }
        case .partSize:
            spec.partSize = GoJSON.optionalInt64(
                value, goType: "int64", current: spec.partSize, at("part_size"), &state)
        case .memoryBudgetBytes:
            spec.memoryBudgetBytes = GoJSON.optionalInt64(
                value, goType: "int64", current: spec.memoryBudgetBytes, at("memory_budget_bytes"), &state)
        case .requestChecksumCalculation: string("request_checksum_calculation", &spec.requestChecksumCalculation)
        case .manifestPath: string("manifest_path", &spec.manifestPath)
        case .maxConcurrentRequests:
            spec.maxConcurrentRequests = GoJSON.optionalInt64(
                value, goType: "int", current: spec.maxConcurrentRequests.map(Int64.init), at("max_concurrent_requests"), &state
            ).map { Int($0) }
        case .storageClass: string("storage_class", &spec.objectOptions.storageClass)
        case .tags: stringMap(value, into: &spec.objectOptions.tags, at("tags"), &state)
        case .metadata: stringMap(value, into: &spec.objectOptions.metadata, at("metadata"), &state)
        case .contentEncoding: string("content_encoding", &spec.objectOptions.contentEncoding)
        case .ifNoneMatch: bool("if_none_match", &spec.objectOptions.ifNoneMatch)
        case .maxOpenPartitions:
            spec.maxOpenPartitions = GoJSON.optionalInt64(
                value, goType: "int64", current: spec.maxOpenPartitions, at("max_open_partitions"), &state)
        }
    }

    /// `format_spec` is Go `any`: every JSON value is accepted and kept for `validate()`.
    /// Go turns numbers into float64 here, so a number too large for float64 is refused now.
    private static func decodeFormatSpecAny(
        _ value: GoJSONValue, into spec: inout DestinationSpec, _ context: GoFieldContext,
        _ state: inout GoDecodeState
    ) {
        if case .null = value {
            spec.formatSpecJSON = nil
            return
        }
        var pending: [GoJSONValue] = [value]  // depth-first, document order, no recursion
        while let next = pending.popLast() {
            switch next {
            case .number(let literal):
                if GoFloatFormatting.parseFloat64(literal) == nil {
                    state.save(GoJSON.typeError("number " + literal, goType: "float64", context))
                }
            case .array(let elements):
                pending.append(contentsOf: elements.reversed())
            case .object(let members):
                pending.append(contentsOf: members.reversed().map(\.value))
            default:
                break
            }
        }
        spec.formatSpecJSON = value
    }

    /// `batch_timeout` is a `*configtype.Duration` whose `UnmarshalJSON` decodes a Go string
    /// and runs `time.ParseDuration`. Go returns errors from `UnmarshalJSON` at once (they end
    /// decoding and win over remembered type errors): a non-string reports type `string`, a
    /// bad string reports `time.ParseDuration`'s message.
    private static func decodeDuration(
        _ value: GoJSONValue, current: GoDuration?, _ context: GoFieldContext, _ state: inout GoDecodeState
    ) throws -> GoDuration? {
        switch value {
        case .null:
            return nil
        case .string(let text):
            do {
                return try GoDuration.parse(text)
            } catch let error as GoDurationParseError {
                throw GoDecodeAbort(message: error.message)
            }
        default:
            throw GoDecodeAbort(message: GoJSON.typeError(value.goKindName, goType: "string", context))
        }
    }

    // Computed (key paths are not Sendable, so a stored static table would be shared mutable state).
    static var credentialKeys: [(name: String, field: WritableKeyPath<SpecCredentials, String>)] {
        [("local_profile", \.localProfile), ("role_arn", \.roleARN),
         ("role_session_name", \.roleSessionName), ("external_id", \.externalID)]
    }

    private static func decodeCredentials(
        _ value: GoJSONValue, current: SpecCredentials?, _ context: GoFieldContext, _ state: inout GoDecodeState
    ) -> SpecCredentials? {
        guard let members = objectMembers(value, goType: "spec.Credentials", context, &state) else {
            return value == .null ? nil : current
        }
        var credentials = current ?? SpecCredentials()  // Go decodes into the existing struct
        for member in members {
            guard let (name, field) = GoJSONFieldName.match(member.key, in: credentialKeys) else { continue }
            if let s = GoJSON.string(member.value, context.appending(name, inStruct: "Credentials"), &state) {
                credentials[keyPath: field] = s
            }
        }
        return credentials
    }

    static var sseKeys: [(name: String, field: WritableKeyPath<ServerSideEncryptionConfiguration, String>)] {
        [("sse_kms_key_id", \.sseKMSKeyID), ("server_side_encryption", \.serverSideEncryption)]
    }

    private static func decodeSSE(
        _ value: GoJSONValue, current: ServerSideEncryptionConfiguration?, _ context: GoFieldContext,
        _ state: inout GoDecodeState
    ) -> ServerSideEncryptionConfiguration? {
        guard let members = objectMembers(
            value, goType: "spec.ServerSideEncryptionConfiguration", context, &state)
        else {
            return value == .null ? nil : current
        }
        var sse = current ?? ServerSideEncryptionConfiguration()
        for member in members {
            guard let (name, field) = GoJSONFieldName.match(member.key, in: sseKeys) else { continue }
            let goType = field == \ServerSideEncryptionConfiguration.serverSideEncryption
                ? "types.ServerSideEncryption" : "string"
            if let s = GoJSON.string(
                member.value, goType: goType,
                context.appending(name, inStruct: "ServerSideEncryptionConfiguration"), &state)
            {
                sse[keyPath: field] = s
            }
        }
        return sse
    }

    /// A `map[string]string` field: `null` empties it; an object's members are added to what is
    /// there (Go decodes into the existing map); a non-string value is a type error.
    private static func stringMap(
        _ value: GoJSONValue, into map: inout [String: String], _ context: GoFieldContext,
        _ state: inout GoDecodeState
    ) {
        guard let members = objectMembers(value, goType: "map[string]string", context, &state) else {
            if value == .null { map = [:] }
            return
        }
        for member in members {
            if let s = GoJSON.string(member.value, context, &state) { map[member.key] = s }
        }
    }

    /// The members of an object for a `*Struct` field; nil for `null` or a wrong type (saved).
    private static func objectMembers(
        _ value: GoJSONValue, goType: String, _ context: GoFieldContext, _ state: inout GoDecodeState
    ) -> [GoJSONMember]? {
        switch value {
        case .object(let members): return members
        case .null: return nil
        default:
            state.save(GoJSON.typeError(value.goKindName, goType: goType, context))
            return nil
        }
    }
}
