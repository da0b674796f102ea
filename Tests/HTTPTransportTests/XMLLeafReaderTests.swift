@testable import HTTPTransport
import Testing

/// The one XML reader of S3's and STS's answers.
@Suite struct XMLLeafReaderTests {
    @Test("XML leaves by local name, any order, entities and CDATA decoded, prefixes dropped")
    func xml() {
        let document = """
        <?xml version="1.0"?><!-- comment --><sts:R xmlns:sts="x"><sts:Result attr="1">
        <Credentials><Expiration>2025-01-15T12:45:45Z</Expiration><AccessKeyId>ASIA&amp;1</AccessKeyId>
        <SecretAccessKey><![CDATA[a<b&amp;]]></SecretAccessKey><SessionToken>t&#x41;&#66;</SessionToken><Empty/></Credentials>
        </sts:Result></sts:R>
        """
        let reader = XMLLeafReader(Array(document.utf8))
        #expect(reader.rootName == "R")
        #expect(reader.text("AccessKeyId", under: "Credentials") == "ASIA&1")
        #expect(reader.text("SecretAccessKey") == "a<b&amp;")
        #expect(reader.text("SessionToken") == "tAB")
        #expect(reader.text("Empty") == "")
        #expect(reader.text("Expiration", under: "Other") == nil)
    }

    @Test("XML reader survives truncated and hostile input", arguments: [
        "<a><b>text", "<<<>>>", "</a></b>", "<a><!-- never closed", "<![CDATA[", "&amp;&#xFFFFFFFF;&#;", "<a b='>'>x</a>",
        String(repeating: "<x>", count: 5000),
    ])
    func xmlMalformed(text: String) {
        let reader = XMLLeafReader(Array(text.utf8))
        #expect(reader.leaves.count <= 5000)
    }

    @Test("XML reader: namespaces, CDATA, numeric entities, nesting")
    func xmlReader() {
        let xml = XMLLeafReader(Array("""
            <?xml version="1.0"?><!-- c --><s3:InitiateMultipartUploadResult xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/">\
            <s3:Bucket>b</s3:Bucket><s3:Key><![CDATA[a<b>&c]]></s3:Key><s3:UploadId a="x>y">id&#x41;&#66;</s3:UploadId>\
            <Owner><ID>o1</ID></Owner><Empty/></s3:InitiateMultipartUploadResult>
            """.utf8))
        #expect(xml.rootName == "InitiateMultipartUploadResult")
        #expect(xml.text("Key") == "a<b>&c")
        #expect(xml.text("UploadId", under: "InitiateMultipartUploadResult") == "idAB")
        #expect(xml.text("ID", under: "Owner") == "o1")
        #expect(xml.text("ID", under: "InitiateMultipartUploadResult") == nil)
        #expect(xml.text("Empty") == "")
    }

    @Test("XML reader survives truncated and garbage input")
    func xmlGarbage() {
        let samples = ["", "<", "<Error", "<Error><Code>X", "</a></b>", "<a><![CDATA[x", "<!--", "&#xFFFFFFFF;<a>&#0;</a>",
                       "<a b='>", String(repeating: "<", count: 1000), "<Error><Code>Trunc</Code><Mess"]
        for sample in samples {
            _ = XMLLeafReader(Array(sample.utf8))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in
                Array("<>/&;![]CDATA-?=\"' ab".utf8).randomElement(using: &generator) ?? 0
            }
            _ = XMLLeafReader(bytes)
        }
        #expect(XMLLeafReader(Array("<Error><Code>Trunc</Code><Mess".utf8)).text("Code") == "Trunc")
    }

    @Test("text is kept exactly (S3 keys may start or end with spaces); records group repeated elements")
    func exactTextAndRecords() {
        let xml = XMLLeafReader(Array("""
            <ListMultipartUploadsResult><Upload><Key> a </Key><UploadId>1</UploadId></Upload>\
            <Upload><Key>b</Key><UploadId>2</UploadId></Upload></ListMultipartUploadsResult>
            """.utf8))
        #expect(xml.records("Upload") == [["Key": " a ", "UploadId": "1"], ["Key": "b", "UploadId": "2"]])
    }
}
