package com.wuaigou.ops.personnel.events;

import com.wuaigou.ops.personnel.service.ScorecardLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the scorecard from quota's period locks and project's finished projects, each event applied once. */
@ApplicationScoped
public class ScorecardConsumer {

    private final ScorecardLedger ledger;

    ScorecardConsumer(ScorecardLedger ledger) {
        this.ledger = ledger;
    }

    @Incoming("quota-periods")
    @Transactional
    public void onPeriod(String value) {
        ledger.apply(ledger.parse(value));
    }

    @Incoming("project-projects")
    @Transactional
    public void onProject(String value) {
        ledger.apply(ledger.parse(value));
    }
}
