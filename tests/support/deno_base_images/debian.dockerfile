# Stand-in for denoland/deno:<version> where Docker Hub cannot be reached: the recipe of
# denoland/deno_docker's debian.dockerfile, on a Debian root file system made by debootstrap.
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RUN useradd --uid 1993 --user-group deno && mkdir /deno-dir/ && chown deno:deno /deno-dir/
ARG DENO_VERSION
ENV DENO_DIR=/deno-dir/ DENO_INSTALL_ROOT=/usr/local DENO_VERSION=${DENO_VERSION}
COPY deno /usr/bin/deno
COPY tini /tini
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
# Unlike the official image: this machine's CA bundle, in case its network inspects TLS.
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV DENO_CERT=/etc/ssl/certs/ca-certificates.crt
ENTRYPOINT ["/tini", "--", "docker-entrypoint.sh"]
CMD ["eval", "console.log('Welcome to Deno!')"]
