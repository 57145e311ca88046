package com.wuaigou.ops.quota.service;

import com.wuaigou.ops.quota.config.QuotaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the plan's catalog from the classpath at start; items already present are left alone. */
@ApplicationScoped
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);

    private final CatalogService catalog;
    private final QuotaConfig config;

    CatalogSeeder(CatalogService catalog, QuotaConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        CatalogService.ImportResult result = catalog.seed(read(config.catalog().seedResource()),
                config.catalog().seedEffectiveFrom());
        LOG.infof("Catalog seed: %d item(s) created, %d already present", result.created(), result.unchanged());
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed catalog " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
