// OpenSSL libcrypto (Debian: libssl-dev): SHA-256, HMAC, MD5 for SigV4 and Content-MD5; EC keys, PEM
// and ECDSA signatures for the ES256 DPoP proofs of `aws login` credentials.
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/pem.h>
#include <openssl/err.h>
