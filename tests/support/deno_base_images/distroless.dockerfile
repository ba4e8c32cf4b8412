# Stand-in for denoland/deno:distroless-<version> where Docker Hub cannot be reached: the
# recipe of denoland/deno_docker's distroless.dockerfile, on a root file system made like
# gcr.io/distroless/cc-debian12 (its Debian packages unpacked, no shell, no package manager).
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
ARG DENO_VERSION
ENV DENO_DIR=/deno-dir/ DENO_INSTALL_ROOT=/usr/local DENO_VERSION=${DENO_VERSION}
COPY deno /bin/deno
COPY tini /tini
# The generated CA bundle distroless ships: this machine's.
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENTRYPOINT ["/tini", "--", "/bin/deno"]
CMD ["eval", "console.log('Welcome to Deno!')"]
