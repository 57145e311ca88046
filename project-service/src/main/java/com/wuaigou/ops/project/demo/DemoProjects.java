package com.wuaigou.ops.project.demo;

import com.wuaigou.ops.project.domain.ActivitySize;
import com.wuaigou.ops.project.domain.Phase;
import com.wuaigou.ops.project.domain.ProjectType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo department's project units: one closed in last month in every group, led by one of its members and
 * assisted by the others and by the manager of the next group, so that every active person has project credit on
 * last month's scorecard; and a few more that stopped in PLAN, DO, CHECK, ACT or were cancelled. Each group's manager
 * supervises (approves, evaluates, settles, closes) their group's projects and is never a member of them.
 */
final class DemoProjects {

    /** The groups in the order each lends its manager to the next one's closed project. */
    static final List<String> GROUPS = List.of("OPS", "CS", "PB", "PRODUCT", "DESIGN", "PHOTO");
    static final BigDecimal LEAD_SHARE = new BigDecimal("40");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    static final String ASSISTANT_ROLE = "assistant";
    static final String GUEST_ROLE = "adviser from another group";

    record Line(String category, String planned, List<String> spent) {
    }

    record Result(String result, boolean met) {
    }

    /** The evaluation, and the follow-up decisions of the ACT phase. */
    record Review(int score, String wentWell, String wentBadly, List<Result> results, String standardise,
                  String changeNextTime) {
    }

    /**
     * One project: {@code phase} is where it stops; {@code leadPick} chooses its lead among the group's members (the
     * closed ones take the first, their whole group assists); {@code approved} only matters for one left in PLAN.
     */
    record Spec(String key, String group, Phase phase, ProjectType type, ActivitySize size, String title,
                String objectives, List<String> criteria, List<Line> lines, Review review, int leadPick,
                boolean approved) {
    }

    /** Who takes part, with each member's share of the credit (lead first). */
    record Team(long supervisor, long lead, Map<Long, String> assistants, Map<Long, BigDecimal> shares) {
    }

    static final List<Spec> SPECS = List.of(
            closed("OPS-HELP", "OPS", ProjectType.PRODUCT, null, "Merchant help-centre refresh",
                    "Rewrite the forty most-read help articles for merchants",
                    List.of("40 articles rewritten", "Help-centre tickets down 20%"),
                    List.of(new Line("copywriting", "3000.00", List.of("1200.00", "1500.00")),
                            new Line("printing", "800.00", List.of("650.00"))),
                    new Review(86, "The articles were ready a week early", "Tickets were measured over two weeks only",
                            List.of(new Result("42 articles rewritten", true), new Result("Tickets down 18%", false)),
                            "Review the help articles every quarter", "Measure tickets over a whole month")),
            closed("CS-ONBOARD", "CS", ProjectType.ACTIVITY, ActivitySize.SMALL, "New-merchant onboarding week",
                    "Open thirty shops for newly signed merchants in one week",
                    List.of("30 shops opened", "No complaint about the opening"),
                    List.of(new Line("printing", "1500.00", List.of("900.00", "700.00")),
                            new Line("refreshments", "600.00", List.of("450.00"))),
                    new Review(92, "Merchants came in groups and the hotline kept up",
                            "Printed guides ran out on the third day",
                            List.of(new Result("33 shops opened", true), new Result("No complaint", true)),
                            "The onboarding checklist and call script", "Print twice the guides")),
            closed("PB-FESTIVAL", "PB", ProjectType.ACTIVITY, ActivitySize.LARGE, "Anniversary shopping festival",
                    "A week of platform-wide offers for the site's anniversary",
                    List.of("Orders up 50% on the week before", "200 shops take part", "Cost per order under CNY 5"),
                    List.of(new Line("advertising", "20000.00", List.of("8000.00", "9500.00")),
                            new Line("prizes", "5000.00", List.of("4800.00")),
                            new Line("design", "3000.00", List.of("2600.00"))),
                    new Review(78, "Shops joined eagerly; Weibo reach doubled",
                            "Orders rose less than planned in the last two days",
                            List.of(new Result("Orders up 41%", false), new Result("236 shops took part", true),
                                    new Result("CNY 4.20 per order", true)),
                            "The shop sign-up form and the prize rules", "Keep a reserve of offers for the last days")),
            closed("PRODUCT-FILTERS", "PRODUCT", ProjectType.PRODUCT, null, "Shop search filters",
                    "Let buyers filter the market's shops by category, floor and rating",
                    List.of("Filters live on web and mobile", "Search exits down 15%"),
                    List.of(new Line("usability tests", "2000.00", List.of("1800.00"))),
                    new Review(88, "Usability tests caught two confusing labels early",
                            "The mobile release slipped by three days",
                            List.of(new Result("Live on both", true), new Result("Exits down 17%", true)),
                            "Usability tests before every release", "Plan the mobile release with the web one")),
            closed("DESIGN-SIGNS", "DESIGN", ProjectType.ACTIVITY, ActivitySize.SMALL, "Shop-sign makeover month",
                    "New signs and logos for the hundred busiest shops",
                    List.of("100 shop signs redone", "Merchants rate them 4 of 5 or better"),
                    List.of(new Line("stock images", "1200.00", List.of("500.00", "400.00"))),
                    new Review(71, "A shared template sped the work up",
                            "Merchants asked for many rounds of changes",
                            List.of(new Result("84 signs redone", false), new Result("Rated 4.3 of 5", true)),
                            "The sign template and its colour rules", "Agree the brief with the merchant first")),
            closed("PHOTO-STUDIO", "PHOTO", ProjectType.PRODUCT, null, "Product photo studio standard",
                    "One lighting and background standard for every product photo",
                    List.of("Standard written and trained", "Retouching time per photo halved"),
                    List.of(new Line("equipment", "6000.00", List.of("5200.00")),
                            new Line("training", "800.00", List.of("600.00"))),
                    new Review(95, "Designers now retouch far less", "The light tent arrived late",
                            List.of(new Result("Standard in use", true), new Result("Retouching time down 55%", true)),
                            "The studio set-up sheet", "Order equipment a month ahead")),
            open("OPS-SURVEY", "OPS", Phase.PLAN, ProjectType.ACTIVITY, ActivitySize.SMALL,
                    "Merchant service satisfaction survey", "Ask every active merchant how our service does",
                    List.of("500 answers", "An action list for each group"),
                    List.of(new Line("gifts", "1000.00", List.of())), null, 1, true),
            open("PB-NEWYEAR", "PB", Phase.PLAN, ProjectType.ACTIVITY, ActivitySize.LARGE, "New-year sales campaign",
                    "The year's largest sale, with every group taking part",
                    List.of("Orders double on last year", "Cost per order under CNY 6"),
                    List.of(new Line("advertising", "30000.00", List.of())), null, 2, false),
            open("CS-TRAINING", "CS", Phase.DO, ProjectType.ACTIVITY, ActivitySize.SMALL, "Back-office training tour",
                    "Train merchants floor by floor in using the back office",
                    List.of("Six floors trained", "Back-office questions on the hotline down 30%"),
                    List.of(new Line("venue", "2000.00", List.of("800.00")),
                            new Line("materials", "500.00", List.of("200.00"))), null, 1, true),
            open("DESIGN-TEMPLATES", "DESIGN", Phase.DO, ProjectType.PRODUCT, null, "Detail-page template library",
                    "Ready-made detail-page templates merchants can fill in themselves",
                    List.of("20 templates published", "Agency detail pages down 25%"),
                    List.of(new Line("fonts", "1500.00", List.of("900.00", "800.00"))), null, 1, true),
            open("PB-WEIBO", "PB", Phase.CHECK, ProjectType.ACTIVITY, ActivitySize.SMALL, "Weibo follower drive",
                    "Grow the platform's Weibo followers with a month of daily prizes",
                    List.of("5,000 new followers", "Cost per follower under CNY 1"),
                    List.of(new Line("prizes", "3000.00", List.of("1400.00", "1200.00"))), null, 3, true),
            open("DESIGN-POSTERS", "DESIGN", Phase.CHECK, ProjectType.PRODUCT, null, "Poster style guide",
                    "One style guide for all shop posters and through-train images",
                    List.of("Guide published", "Used by every designer"),
                    List.of(new Line("printing", "400.00", List.of("350.00"))), null, 2, true),
            open("CS-HOTLINE", "CS", Phase.ACT, ProjectType.ACTIVITY, ActivitySize.SMALL, "Hotline quality week",
                    "Answer every hotline call within three rings for a week",
                    List.of("95% answered within three rings", "Callers rate us 4.5 of 5"),
                    List.of(new Line("headsets", "1200.00", List.of("1100.00"))),
                    new Review(80, "The rota covered every hour", "Lunch hours were thin",
                            List.of(new Result("97% within three rings", true), new Result("Rated 4.3 of 5", false)),
                            "The hotline rota", null), 2, true),
            open("PRODUCT-TRACKING", "PRODUCT", Phase.ACT, ProjectType.PRODUCT, null, "Order tracking page",
                    "One page where buyers follow their order from shop to door",
                    List.of("Live for every order", "Where-is-my-order calls down 30%"),
                    List.of(new Line("map service", "2500.00", List.of("2500.00"))),
                    new Review(74, "Buyers use it", "Courier data arrives late", List.of(
                            new Result("Live for 96% of orders", false), new Result("Calls down 35%", true)),
                            "Courier data checks", "Ask couriers for hourly data"), 1, true),
            open("PHOTO-STREET", "PHOTO", Phase.CANCELLED, ProjectType.ACTIVITY, ActivitySize.SMALL,
                    "Outdoor street-style shoot", "A street-style series of the market's clothing shops",
                    List.of("60 looks shot", "Used in 20 shops"),
                    List.of(new Line("models", "3500.00", List.of("700.00"))), null, 1, true));

    static final String CANCEL_REASON = "The market street closed for renovation";

    private DemoProjects() {
    }

    /**
     * The team of a project from the group's manager and active members (ids ascending) and the next group's
     * manager: a closed project has the first member lead and everyone else of the group assist with the guest; the
     * others have the picked member lead and the next two members assist.
     */
    static Team team(Spec spec, long manager, List<Long> members, long nextGroupsManager) {
        Map<Long, String> assistants = new LinkedHashMap<>();
        long lead;
        if (spec.phase() == Phase.CLOSED) {
            lead = members.get(0);
            members.subList(1, members.size()).forEach(id -> assistants.put(id, ASSISTANT_ROLE));
            assistants.put(nextGroupsManager, GUEST_ROLE);
        } else {
            int leadAt = spec.leadPick() % members.size();
            lead = members.get(leadAt);
            for (int i = 1; i <= Math.min(2, members.size() - 1); i++) {
                assistants.put(members.get((leadAt + i) % members.size()), ASSISTANT_ROLE);
            }
        }
        return new Team(manager, lead, assistants, shares(lead, List.copyOf(assistants.keySet())));
    }

    /** The lead's 40% plus what the assistants' even parts of the rest leave over; together exactly 100. */
    static Map<Long, BigDecimal> shares(long lead, List<Long> assistants) {
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal each = assistants.isEmpty() ? BigDecimal.ZERO
                : HUNDRED.subtract(LEAD_SHARE).divide(BigDecimal.valueOf(assistants.size()), 2, RoundingMode.DOWN);
        shares.put(lead, HUNDRED.subtract(each.multiply(BigDecimal.valueOf(assistants.size()))));
        assistants.forEach(id -> shares.put(id, each));
        return shares;
    }

    /** How many demo projects stop in each phase. */
    static Map<Phase, Long> perPhase() {
        Map<Phase, Long> counts = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            counts.put(phase, SPECS.stream().filter(s -> s.phase() == phase).count());
        }
        return counts;
    }

    private static Spec closed(String key, String group, ProjectType type, ActivitySize size, String title,
                               String objectives, List<String> criteria, List<Line> lines, Review review) {
        return new Spec(key, group, Phase.CLOSED, type, size, title, objectives, criteria, lines, review, 0, true);
    }

    private static Spec open(String key, String group, Phase phase, ProjectType type, ActivitySize size, String title,
                             String objectives, List<String> criteria, List<Line> lines, Review review, int leadPick,
                             boolean approved) {
        return new Spec(key, group, phase, type, size, title, objectives, criteria, lines, review, leadPick, approved);
    }
}
