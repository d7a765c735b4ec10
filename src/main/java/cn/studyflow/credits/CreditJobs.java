package cn.studyflow.credits;

import cn.studyflow.notify.NotificationService;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credits' scheduled work: the ledger of every organisation's open years (this one and the last) refreshed every
 * {@code studyflow.credits.refresh-interval}, and, from {@code remind-from} (the last quarter), one reminder to each
 * person short of their target, claimed by a row per person and year, so that neither a second run nor a second node
 * reminds twice.
 */
@Component
@RequiredArgsConstructor
class CreditJobs {

    private static final Logger log = LoggerFactory.getLogger(CreditJobs.class);

    private final CreditLedger ledger;
    private final CreditLedgerMapper mapper;
    private final OrgService orgs;
    private final NotificationService notifications;
    private final CreditProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${studyflow.credits.refresh-interval:PT1H}", initialDelayString = "PT3M")
    void run() {
        LocalDate today = LocalDate.now(clock);
        refreshOpenYears(today.getYear());
        int reminded = remindShort(today);
        if (reminded > 0) {
            log.info("Reminded {} people short of their study credits for {}", reminded, today.getYear());
        }
    }

    /** Refreshes this year and the last of every active organisation; frozen years stay as they are. */
    int refreshOpenYears(int year) {
        int refreshed = 0;
        for (Org org : orgs.all()) {
            if (!org.isActive()) {
                continue;
            }
            for (int y = year - 1; y <= year; y++) {
                try {
                    refreshed += ledger.refresh(org.getId(), y) ? 1 : 0;
                } catch (DataAccessException e) {
                    log.info("Credits of organisation {} in {} were refreshed elsewhere at the same time", org.getId(), y);
                }
            }
        }
        return refreshed;
    }

    /** From the last quarter's first day, reminds everyone short of this year's target once; returns how many. */
    int remindShort(LocalDate today) {
        if (today.isBefore(properties.remindFrom(today.getYear()))) {
            return 0;
        }
        int reminded = 0;
        for (CreditStanding s : mapper.selectShortUnreminded(today.getYear())) {
            if (Boolean.TRUE.equals(remind(s, today.getYear()))) {
                reminded++;
            }
        }
        return reminded;
    }

    private Boolean remind(CreditStanding s, int year) {
        try {
            return tx.execute(status -> {
                mapper.insertReminder(s.personId(), year, OffsetDateTime.now(clock));
                notifications.notify(s.personId(), "/credits/people/" + s.personId() + "?year=" + year,
                    "credits.notify.short", year, s.earned().toPlainString(), s.target().toPlainString(),
                    s.shortBy().toPlainString());
                return true;
            });
        } catch (DataAccessException e) {
            return false;
        }
    }
}
