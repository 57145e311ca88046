package com.wuaigou.ops.common.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says at start whose tokens the service trusts. Using {@link TokenVerificationConfig} here is also what makes Quarkus
 * check it when the configuration loads, before the database or Kafka is touched: an unused mapping is not checked.
 */
@ApplicationScoped
public class TrustedIssuerAtStartup {

    private static final Logger LOG = Logger.getLogger(TrustedIssuerAtStartup.class);

    void report(@Observes StartupEvent event, TokenVerificationConfig config) {
        LOG.infof("Bearer tokens trusted from issuer %s, verified with the key at %s", config.issuer(),
                config.publicKeyLocation());
    }
}
