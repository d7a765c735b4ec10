package cn.studyflow.credits;

import cn.studyflow.org.ClosedYears;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Freezes an organisation's credit lines of a year when the archive closes that year, and thaws them when it is
 * reopened; in the transaction that closes or reopens it, so that both stand or fall together.
 */
@Component
@RequiredArgsConstructor
class CreditFreezing {

    private final CreditLedger ledger;

    @EventListener
    void closed(ClosedYears.Closed event) {
        ledger.freeze(event.orgId(), event.year(), event.byPersonId());
    }

    @EventListener
    void reopened(ClosedYears.Reopened event) {
        ledger.unfreeze(event.orgId(), event.year());
    }
}
