package com.wuaigou.ops.quota.demo;

import com.wuaigou.ops.quota.domain.Duty;
import com.wuaigou.ops.quota.domain.ItemDefinition;
import com.wuaigou.ops.quota.domain.Period;
import com.wuaigou.ops.quota.domain.Shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the demo department is given, post by post, as the plan describes each post's duties: the catalog items a
 * manager assigns and whether they are the person's primary or flexible duty. The plan gives the operations service
 * and photography groups no numbers (its photography page is missing), so the demo adds a few items of theirs.
 */
final class DemoPlan {

    /** How a post's holders share an item. */
    enum Kind {
        /** Every holder of the post gets the whole item (rates are per person, untargeted work has no number). */
        WHOLE,
        /** The group's number is split evenly between the post's holders. */
        SPLIT,
        /** The items are dealt out in turn, each whole to one holder. */
        DEALT
    }

    record Given(Kind kind, Duty duty, List<String> itemCodes) {
    }

    /** One assignment to make; {@code holders} is how many share the item when it is split. */
    record Planned(long staffId, String itemCode, Duty duty, boolean split, int holders) {
    }

    private static final String EXTRA_NOTE = "Demo item of the local stack: the plan gives this group no numbers";

    static final List<ItemDefinition> EXTRA_ITEMS = List.of(
            count("OPS", "OPS-SERVICE-REQUEST", "operations-service", "运营服务工单", "Operations service request handled",
                    "12", "request", Period.DAY),
            count("OPS", "OPS-DATA-REPORT", "statistics", "运营数据日报", "Daily operations data report", "1", "report",
                    Period.DAY),
            count("OPS", "OPS-WEEKLY-REVIEW", "management", "部门周度复盘", "Department weekly review", "1", "review",
                    Period.WEEK),
            count("PHOTO", "PHOTO-PRODUCT-SHOT", "photography", "商品拍摄", "Product photographed", "120", "product",
                    Period.DAY),
            count("PHOTO", "PHOTO-SCENE-SHOOT", "photography", "场景及模特拍摄", "Scene or model shoot", "2", "shoot",
                    Period.WEEK));

    static final Map<String, List<Given>> BY_POST = Map.ofEntries(
            Map.entry("OPS-DIRECTOR", List.of(
                    new Given(Kind.WHOLE, Duty.PRIMARY, List.of("OPS-WEEKLY-REVIEW")))),
            Map.entry("OPS-SERVICE", List.of(
                    new Given(Kind.SPLIT, Duty.PRIMARY, List.of("OPS-SERVICE-REQUEST")),
                    new Given(Kind.DEALT, Duty.FLEXIBLE, List.of("OPS-DATA-REPORT")))),
            Map.entry("CS-LEAD", List.of(
                    new Given(Kind.WHOLE, Duty.PRIMARY, List.of("CS-E-FILE")))),
            Map.entry("CS-AGENT", List.of(
                    new Given(Kind.WHOLE, Duty.PRIMARY, List.of("CS-MERCHANT-CALL")),
                    new Given(Kind.DEALT, Duty.PRIMARY, List.of("CS-HOTLINE", "CS-STORE-DUTY")),
                    new Given(Kind.WHOLE, Duty.FLEXIBLE, List.of("CS-SHOP-OPEN")))),
            Map.entry("PB-LEAD", List.of(
                    new Given(Kind.WHOLE, Duty.PRIMARY, List.of("PB-EVENT-LARGE")),
                    new Given(Kind.WHOLE, Duty.FLEXIBLE, List.of("PB-DAILY-STATS")))),
            Map.entry("PB-EDITOR", List.of(
                    new Given(Kind.DEALT, Duty.PRIMARY, List.of("PB-BAIDU-BAIKE", "PB-BAIDU-ZHIDAO", "PB-BAIDU-TIEBA",
                            "PB-COLUMN-FOCUS", "PB-COLUMN-VOICE", "PB-FORUM-ARTICLE")))),
            Map.entry("PB-BUSINESS", List.of(
                    new Given(Kind.DEALT, Duty.PRIMARY, List.of("PB-SOCIAL-UPDATE", "PB-SITE-COOP", "PB-WECHAT-SHOP")),
                    new Given(Kind.DEALT, Duty.FLEXIBLE, List.of("PB-58", "PB-GANJI", "PB-MEILISHUO")))),
            Map.entry("PB-PLANNER", List.of(
                    new Given(Kind.DEALT, Duty.PRIMARY, List.of("PB-SINA-WEIBO", "PB-QQ-GROUPS", "PB-EVENT-SMALL")),
                    new Given(Kind.DEALT, Duty.FLEXIBLE, List.of("PB-PRODUCT-PAGE-CHECK", "PB-ORDER-CHECK",
                            "PB-KEYWORD-SHOP")))),
            Map.entry("PRODUCT-LEAD", List.of(
                    new Given(Kind.WHOLE, Duty.PRIMARY, List.of("PRODUCT-NEW")))),
            Map.entry("PRODUCT-PLANNER", List.of(
                    new Given(Kind.SPLIT, Duty.PRIMARY, List.of("PRODUCT-IMPROVE")),
                    new Given(Kind.SPLIT, Duty.FLEXIBLE, List.of("PRODUCT-UX-PAGE")))),
            Map.entry("DESIGN-LEAD", List.of(
                    new Given(Kind.WHOLE, Duty.PRIMARY, List.of("DESIGN-TEMPLATE")),
                    new Given(Kind.WHOLE, Duty.FLEXIBLE, List.of("DESIGN-PAGE")))),
            Map.entry("DESIGN-ARTIST", List.of(
                    new Given(Kind.SPLIT, Duty.PRIMARY, List.of("DESIGN-STD-DETAIL", "DESIGN-RETOUCH")),
                    new Given(Kind.WHOLE, Duty.FLEXIBLE, List.of("DESIGN-PRODUCT-UPLOAD")),
                    new Given(Kind.DEALT, Duty.FLEXIBLE, List.of("DESIGN-TAOBAO-POSTER", "DESIGN-ZHITONGCHE",
                            "DESIGN-SHOP-SIGN", "DESIGN-AGENCY-DETAIL", "DESIGN-PANORAMA")))),
            Map.entry("PHOTO-LEAD", List.of(
                    new Given(Kind.WHOLE, Duty.PRIMARY, List.of("PHOTO-SCENE-SHOOT")))),
            Map.entry("PHOTO-PHOTOGRAPHER", List.of(
                    new Given(Kind.SPLIT, Duty.PRIMARY, List.of("PHOTO-PRODUCT-SHOT")))));

    private DemoPlan() {
    }

    /** Every assignment for the holders of each post (ids ascending), as {@link #BY_POST} gives them. */
    static List<Planned> assignments(Map<String, List<Long>> holdersByPost) {
        List<Planned> planned = new ArrayList<>();
        holdersByPost.forEach((post, holders) -> {
            for (Given given : BY_POST.getOrDefault(post, List.of())) {
                for (int i = 0; i < given.itemCodes().size(); i++) {
                    String item = given.itemCodes().get(i);
                    switch (given.kind()) {
                        case WHOLE -> holders.forEach(id -> planned.add(new Planned(id, item, given.duty(), false, 1)));
                        case SPLIT -> holders.forEach(id ->
                                planned.add(new Planned(id, item, given.duty(), true, holders.size())));
                        case DEALT -> planned.add(new Planned(holders.get(i % holders.size()), item, given.duty(),
                                false, 1));
                    }
                }
            }
        });
        return planned;
    }

    /**
     * How well a person does against their numbers, the same at every load: a quarter fall short, a quarter do more
     * than asked, the others meet them with a little to spare.
     */
    static double performance(long staffId) {
        return switch ((int) (staffId % 4)) {
            case 0 -> 0.75;
            case 1 -> 1.2;
            default -> 1.04;
        };
    }

    private static ItemDefinition count(String group, String code, String category, String nameZh, String nameEn,
                                        String perPeriod, String unit, Period period) {
        BigDecimal number = new BigDecimal(perPeriod);
        return new ItemDefinition(group, code, category, nameZh, nameEn, Shape.COUNT, number, number, unit, period,
                null, null, null, null, EXTRA_NOTE);
    }
}
