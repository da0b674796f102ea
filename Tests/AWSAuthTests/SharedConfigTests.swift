@testable import AWSAuth
import Foundation
import Testing

/// Loading and merging the shared `config` and `credentials` files, profile selection and Go's
/// load-time validation (aws-sdk-go-v2 `config/shared_config.go`).
@Suite struct SharedConfigTests {
    /// A HOME with the two files; removed after `body`.
    func withHome(config: String? = nil, credentials: String? = nil, _ body: (String) throws -> Void) throws {
        let home = try AuthTestSupport.temporaryDirectory("shared-config")
        defer { AuthTestSupport.remove(home) }
        if let config { try AuthTestSupport.write(config, to: home + "/.aws/config") }
        if let credentials { try AuthTestSupport.write(credentials, to: home + "/.aws/credentials") }
        try body(home)
    }

    func load(_ home: String, _ extra: [String: String] = [:], profile: String? = nil) throws -> AWSConfig {
        try AWSConfig.load(environment: AuthTestSupport.environment(home: home, extra), profile: profile)
    }

    @Test("[profile x] in config, [x] in credentials; other names are dropped; [profile default] beats [default]")
    func sectionNames() throws {
        let config = """
        [default]
        region = us-west-1
        [profile default]
        region = eu-central-1
        [bare]
        region = ap-south-1
        [profile named]
        region = eu-west-1
        """
        let credentials = """
        [profile creds-prefixed]
        aws_access_key_id = A
        aws_secret_access_key = S
        [plain]
        aws_access_key_id = A2
        aws_secret_access_key = S2
        """
        try withHome(config: config, credentials: credentials) { (home: String) throws in
            let files = try load(home).files
            #expect(files.sections["default"]?.string("region") == "eu-central-1")
            #expect(files.sections["named"]?.string("region") == "eu-west-1")
            #expect(files.sections["bare"] == nil)
            #expect(files.sections["creds-prefixed"] == nil && files.sections["profile creds-prefixed"] == nil)
            #expect(files.sections["plain"]?.string("aws_access_key_id") == "A2")
        }
    }

    @Test("the credentials file wins per key; static keys move as a group")
    func perKeyMerge() throws {
        let config = """
        [profile dev]
        region = eu-west-1
        output = json
        aws_access_key_id = CONFIGKEY
        aws_secret_access_key = config-secret
        aws_session_token = config-token
        """
        let credentials = """
        [dev]
        region = us-east-2
        aws_access_key_id = CREDSKEY
        aws_secret_access_key = creds-secret
        """
        try withHome(config: config, credentials: credentials) { (home: String) throws in
            let aws = try load(home, profile: "dev")
            let profile = try #require(aws.profile)
            #expect(profile.region == "us-east-2")
            #expect(profile.accessKeyID == "CREDSKEY")
            #expect(profile.secretAccessKey == "creds-secret")
            // Go merges aws_session_token only when the credentials file has one: the config's survives.
            #expect(profile.sessionToken == "config-token")
            #expect(aws.files.sections["dev"]?.string("output") == "json")
            #expect(aws.region == "us-east-2")
        }
    }

    @Test("partial static keys are an error only for the profile that is used")
    func partialKeys() throws {
        let credentials = """
        [broken]
        aws_access_key_id = ONLYKEY
        [good]
        aws_access_key_id = A
        aws_secret_access_key = S
        """
        try withHome(credentials: credentials) { (home: String) throws in
            #expect(try load(home, profile: "good").profile?.accessKeyID == "A")
            #expect {
                try load(home, profile: "broken")
            } throws: { error in
                "\(error)".contains("partial credentials found for profile broken")
            }
        }
    }

    @Test("AWS_PROFILE or a profile in code must exist; AWS_DEFAULT_PROFILE and default need not")
    func missingProfiles() throws {
        try withHome(credentials: "[other]\naws_access_key_id = A\naws_secret_access_key = S\n") { (home: String) throws in
            #expect { try load(home, ["AWS_PROFILE": "nope"]) } throws: { "\($0)".hasPrefix("failed to get shared config profile, nope") }
            #expect { try load(home, profile: "nope") } throws: { "\($0)".hasPrefix("failed to get shared config profile, nope") }
            #expect(try load(home, ["AWS_DEFAULT_PROFILE": "nope"]).profile == nil)
            #expect(try load(home).profile == nil)
            #expect(try load(home, ["AWS_PROFILE": "other", "AWS_DEFAULT_PROFILE": "nope"]).profileName == "other")
        }
    }

    @Test("AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE replace the files under HOME")
    func fileOverrides() throws {
        try withHome(credentials: "[default]\naws_access_key_id = HOMEKEY\naws_secret_access_key = S\n") { (home: String) throws in
            let other = home + "/elsewhere/creds"
            try AuthTestSupport.write("[default]\naws_access_key_id = ENVKEY\naws_secret_access_key = S\n", to: other)
            try AuthTestSupport.write("[default]\nregion = sa-east-1\n", to: home + "/elsewhere/conf")
            let aws = try load(home, ["AWS_SHARED_CREDENTIALS_FILE": other, "AWS_CONFIG_FILE": home + "/elsewhere/conf"])
            #expect(aws.profile?.accessKeyID == "ENVKEY")
            #expect(aws.region == "sa-east-1")
        }
    }

    @Test("without HOME no file is read")
    func noHome() throws {
        let aws = try AWSConfig.load(environment: ["AWS_EC2_METADATA_DISABLED": "true"])
        #expect(aws.profile == nil)
        #expect(aws.files.configPath == nil && aws.files.credentialsPath == nil)
    }

    @Test("Go's load-time validation messages")
    func validation() throws {
        let config = """
        [profile needs-arn]
        source_profile = base
        [profile two-types]
        role_arn = arn:aws:iam::123456789012:role/r
        credential_process = echo
        credential_source = Environment
        [profile missing-source]
        role_arn = arn:aws:iam::123456789012:role/r
        source_profile = ghost
        [profile empty-source]
        role_arn = arn:aws:iam::123456789012:role/r
        source_profile = empty
        [profile empty]
        region = us-east-1
        [profile sso-no-section]
        sso_session = nowhere
        [profile bad-mode]
        ec2_metadata_service_endpoint_mode = IPv5
        [profile base]
        aws_access_key_id = A
        aws_secret_access_key = S
        """
        try withHome(config: config) { (home: String) throws in
            func message(_ profile: String) -> String {
                do {
                    _ = try load(home, profile: profile)
                    return "no error"
                } catch {
                    return "\(error)"
                }
            }
            #expect(message("needs-arn") == "credential type source_profile requires role_arn, profile needs-arn")
            #expect(message("two-types").hasPrefix("only one credential type may be specified per profile"))
            #expect(message("missing-source").hasPrefix(
                "failed to load assume role arn:aws:iam::123456789012:role/r, of profile ghost"))
            #expect(message("empty-source").hasPrefix(
                "failed to load assume role arn:aws:iam::123456789012:role/r, of profile empty"))
            #expect(message("sso-no-section") == "failed to find SSO session section, nowhere")
            #expect(message("bad-mode").contains("unknown EC2 IMDS endpoint mode, must be either IPv6 or IPv4"))
            #expect(message("base") == "no error")
        }
    }

    @Test("invalid boolean environment values fail the load with Go's message")
    func environmentValidation() {
        #expect {
            try AWSConfig.load(environment: ["AWS_EC2_METADATA_V1_DISABLED": "maybe"])
        } throws: {
            "\($0)" == "invalid value for environment variable, AWS_EC2_METADATA_V1_DISABLED=maybe, need true or false"
        }
        #expect {
            try AWSConfig.load(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv5"])
        } throws: {
            "\($0)".contains("unknown EC2 IMDS endpoint mode")
        }
    }

    @Test("source_profile chains resolve; a self-reference lends its own keys; cycles end with an error")
    func sourceProfiles() throws {
        let config = """
        [profile top]
        role_arn = arn:aws:iam::1:role/top
        source_profile = middle
        [profile middle]
        role_arn = arn:aws:iam::1:role/middle
        source_profile = base
        [profile base]
        aws_access_key_id = BASE
        aws_secret_access_key = S
        [profile self]
        role_arn = arn:aws:iam::1:role/self
        source_profile = self
        aws_access_key_id = SELF
        aws_secret_access_key = S
        [profile loop-a]
        role_arn = arn:aws:iam::1:role/a
        source_profile = loop-b
        [profile loop-b]
        role_arn = arn:aws:iam::1:role/b
        source_profile = loop-a
        """
        try withHome(config: config) { (home: String) throws in
            let top = try #require(try load(home, profile: "top").profile)
            #expect(top.roleARN == "arn:aws:iam::1:role/top")
            #expect(top.source?.roleARN == "arn:aws:iam::1:role/middle")
            #expect(top.source?.source?.accessKeyID == "BASE")

            let selfProfile = try #require(try load(home, profile: "self").profile)
            #expect(selfProfile.accessKeyID.isEmpty)  // the top level takes credentials from its source only
            #expect(selfProfile.source?.accessKeyID == "SELF")
            #expect(selfProfile.source?.roleARN == "")

            #expect { try load(home, profile: "loop-a") } throws: { "\($0)".contains("failed to load assume role") }
        }
    }

    @Test("[services] endpoints, sso-session sections and duration_seconds are linked to the profile")
    func linkedSections() throws {
        let config = """
        [profile dev]
        services = local
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = ReadOnly
        duration_seconds = 3600
        [services local]
        sts =
          endpoint_url = http://127.0.0.1:5000
        sso_oidc =
          endpoint_url = http://127.0.0.1:5001
        [sso-session corp]
        sso_region = us-east-1
        sso_start_url = https://d-1234567890.awsapps.com/start
        """
        try withHome(config: config) { (home: String) throws in
            let profile = try #require(try load(home, profile: "dev").profile)
            #expect(profile.serviceEndpointURL(sdkID: "STS") == "http://127.0.0.1:5000")
            #expect(profile.serviceEndpointURL(sdkID: "SSO OIDC") == "http://127.0.0.1:5001")
            #expect(profile.serviceEndpointURL(sdkID: "SSO") == nil)
            #expect(profile.ssoSession == SSOSessionConfig(
                name: "corp", region: "us-east-1", startURL: "https://d-1234567890.awsapps.com/start"))
            #expect(profile.durationSeconds == 3600)
        }
    }

    @Test("region: AWS_REGION, then AWS_DEFAULT_REGION, then the profile, then the default")
    func region() throws {
        try withHome(config: "[default]\nregion = eu-north-1\n") { (home: String) throws in
            #expect(try load(home, ["AWS_REGION": "ap-east-1", "AWS_DEFAULT_REGION": "us-west-2"]).region == "ap-east-1")
            #expect(try load(home, ["AWS_DEFAULT_REGION": "us-west-2"]).region == "us-west-2")
            #expect(try load(home).region == "eu-north-1")
        }
        #expect(try AWSConfig.load(environment: [:], defaultRegion: "us-east-1").region == "us-east-1")
    }

    @Test("configured endpoints for the STS, SSO and OIDC clients follow Go's precedence")
    func serviceEndpoints() throws {
        let config = "[default]\nservices = s\nendpoint_url = http://profile-global\n[services s]\nsts =\n  endpoint_url = http://services-sts\n"
        try withHome(config: config) { (home: String) throws in
            func sts(_ extra: [String: String], global: Bool) throws -> String {
                try load(home, extra).endpoints.baseURL(for: .sts, region: "eu-west-1", includeGlobal: global)
            }
            #expect(try sts([:], global: false) == "http://services-sts")
            #expect(try sts(["AWS_ENDPOINT_URL_STS": "http://env-sts/"], global: false) == "http://env-sts")
            // AWS_ENDPOINT_URL present without the service variable: the services section is skipped.
            #expect(try sts(["AWS_ENDPOINT_URL": "http://env-global"], global: false) == "https://sts.eu-west-1.amazonaws.com")
            #expect(try sts(["AWS_ENDPOINT_URL": "http://env-global"], global: true) == "http://env-global")
            #expect(try sts([:], global: true) == "http://services-sts")
            #expect(try sts(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL_STS": "http://x"], global: true)
                == "https://sts.eu-west-1.amazonaws.com")
            let aws = try load(home)
            #expect(try aws.endpoints.baseURL(for: .sso, region: "us-east-1", includeGlobal: false)
                == "https://portal.sso.us-east-1.amazonaws.com")
            #expect(try aws.endpoints.baseURL(for: .ssoOIDC, region: "cn-north-1", includeGlobal: false)
                == "https://oidc.cn-north-1.amazonaws.com.cn")
            let bare = ServiceEndpoints(environment: try EnvironmentConfig([:]), profile: nil)
            #expect(throws: CredentialsConfigurationError.self) {
                try bare.baseURL(for: .sts, region: "bad region!", includeGlobal: false)
            }
            #expect(throws: CredentialsConfigurationError.self) {
                try bare.baseURL(for: .sts, region: "", includeGlobal: false)
            }
        }
    }
}
