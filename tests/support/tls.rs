//! The fake's REST API over TLS as `discord.com`, so serenity can run with its rate limiter ON.
//!
//! serenity's `proxy` setting needs the rate limiter off (the limiter builds its own requests,
//! without the proxy), so a 429 from a proxied fake would reach the bot unhandled. To test what
//! happens in production, this module serves the same router over https with a self-signed
//! certificate for `discord.com` (made with rcgen at test time), and [`reqwest_client`] builds a
//! client that resolves `discord.com` to the fake and trusts only that certificate. The gateway
//! stays plain `ws://127.0.0.1` (its URL comes from the fake's `GET /gateway`).
//!
//! rustls gets the ring provider explicitly: a dependency graph that enables two providers
//! panics when a default is asked for.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// Where the TLS listener is, and the certificate a client must trust.
#[derive(Debug, Clone)]
pub struct TlsEndpoint {
    /// `127.0.0.1:PORT` of the https listener.
    pub addr: SocketAddr,
    /// The self-signed certificate for `discord.com`, DER.
    pub cert_der: Vec<u8>,
}

/// Serves `router` over TLS (http/1.1) on a new 127.0.0.1 port.
pub async fn serve(router: Router) -> (TlsEndpoint, tokio::task::JoinHandle<()>) {
    let rcgen::CertifiedKey { cert, key_pair } =
        rcgen::generate_simple_self_signed(vec!["discord.com".to_string()])
            .expect("self-signed certificate");
    let cert_der = cert.der().to_vec();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_pair.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(cert_der.clone())], key)
        .expect("certificate and key match");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local addr");
    let task = tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                continue;
            };
            let acceptor = acceptor.clone();
            let service = TowerToHyperService::new(router.clone());
            tokio::spawn(async move {
                let Ok(stream) = acceptor.accept(tcp).await else {
                    return;
                };
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .with_upgrades()
                    .await;
            });
        }
    });
    (TlsEndpoint { addr, cert_der }, task)
}

/// A reqwest client that sends `discord.com` to the fake and trusts only its certificate.
/// `no_proxy` matters: an `HTTPS_PROXY` in the environment would otherwise bypass `resolve`.
pub fn reqwest_client(tls: &TlsEndpoint) -> reqwest::Client {
    let cert = reqwest::Certificate::from_der(&tls.cert_der).expect("DER certificate");
    reqwest::Client::builder()
        .use_rustls_tls()
        .no_proxy()
        .resolve("discord.com", tls.addr)
        .tls_built_in_root_certs(false)
        .add_root_certificate(cert)
        .build()
        .expect("reqwest client")
}

/// A serenity `Http` talking to the fake over TLS, with serenity's own rate limiter ON.
pub fn serenity_http(token: &str, tls: &TlsEndpoint) -> serenity::http::Http {
    serenity::http::HttpBuilder::new(token)
        .client(reqwest_client(tls))
        .ratelimiter_disabled(false)
        .build()
}
