// OpenSSL libcrypto: SHA-256, HMAC, MD5 for SigV4 and Content-MD5 (Debian: libssl-dev).
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/md5.h>
