package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.personnel.service.GroupService.NewGroup;
import com.wuaigou.ops.personnel.service.PostService.PostDefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups and posts the department's plan describes (part 1), seeded in every environment. The plan names seven
 * business areas but only six survive in its text; the seventh is added through the API once it is known.
 */
final class ReferenceRoster {

    static final List<NewGroup> GROUPS = List.of(
            new NewGroup("CS", "客服组", "Customer service", true),
            new NewGroup("PB", "策划商务组", "Planning & business", true),
            new NewGroup("PRODUCT", "产品组", "Product", true),
            new NewGroup("DESIGN", "美工组", "Design", true),
            new NewGroup("PHOTO", "摄影组", "Photography", true),
            new NewGroup("OPS", "运营服务组", "Operations service", false));

    private static final List<String> MANAGER_DUTIES = List.of(
            "Assign the group's tasks according to each person's post duties, development direction and current workload",
            "Assign flexible (secondary) tasks to the group's members",
            "Control the process of members' primary and flexible tasks with quantified management",
            "Prepare members' long-term career development planning and the company's performance appraisal");

    private static final List<String> MEMBER_SECONDARY_DUTIES = List.of(
            "Flexible tasks assigned by the group's manager",
            "Assist in project units (activities and products) led by a colleague");

    private static final List<String> PROJECT_DUTIES = List.of(
            "Lead project units (activities and products): proposal, budget, action plan, supervision and"
                    + " post-evaluation, a complete PDCA cycle");

    static final Map<String, PostDefinition> POSTS = posts();

    private ReferenceRoster() {
    }

    private static Map<String, PostDefinition> posts() {
        Map<String, PostDefinition> posts = new LinkedHashMap<>();
        posts.put("OPS-DIRECTOR", new PostDefinition("Department director", "OPS", List.of(
                "Direct the operations department's seven business areas",
                "Appoint group managers and approve the department's posts and duties",
                "Review quantified work and performance appraisal across all groups"), PROJECT_DUTIES));
        posts.put("OPS-SERVICE", new PostDefinition("Operations service specialist", "OPS", List.of(
                "Operations service for the platform and the other groups"), MEMBER_SECONDARY_DUTIES));
        for (String group : List.of("CS", "PB", "PRODUCT", "DESIGN", "PHOTO")) {
            posts.put(group + "-LEAD", new PostDefinition("Group manager", group, MANAGER_DUTIES, PROJECT_DUTIES));
        }
        posts.put("CS-AGENT", new PostDefinition("Customer service agent", "CS", List.of(
                "Watch the customer service QQ and the 400 hotline (every day 08:00-17:00)",
                "Contact merchants: look up information, keep records, talk to merchants",
                "Open shops: bank card management, shop application, review, business authorisation, binding QQ",
                "Receive visiting customers",
                "Keep customer files: paper files and the daily electronic tracking file with its summary"), List.of(
                "Duty in the offline experience store (morning or afternoon shift)",
                "Collect goods from newly signed merchants (market, information sheet, check, warehouse)",
                "Back-office training for merchants",
                "Flexible tasks assigned by the group's manager")));
        posts.put("PB-EDITOR", new PostDefinition("Website editor", "PB", List.of(
                "Content collection: gather everything related to the site's themes, edit it and publish it",
                "Topic planning: plan everyday-life topics and write articles that start discussion",
                "Special topics: follow major online and hot events and turn them into special-topic pages",
                "Content inspection and site activity: watch new content daily and delete bad content at once"),
                MEMBER_SECONDARY_DUTIES));
        posts.put("PB-BUSINESS", new PostDefinition("Website business developer", "PB", List.of(
                "Channel analysis: track promotion and channel operations, collect competitor information, report",
                "Channel cooperation: ad exchanges, links, content and activity partnerships",
                "Weibo and WeChat: update in two time slots, morning and afternoon, in step with platform activities",
                "Press articles: place news articles on other sites to promote the platform",
                "Ad purchasing: budget, plan and responsibility for the results of bought advertising",
                "Business negotiation: conclude partnerships, keep them up and answer for their results"),
                MEMBER_SECONDARY_DUTIES));
        posts.put("PB-PLANNER", new PostDefinition("Promotion and activity planner", "PB", List.of(
                "Platform promotion posts on the listed sites at their daily and weekly numbers",
                "QQ group upkeep: two hours in the morning and two in the afternoon",
                "Activity planning: large and small activities each month",
                "Check product and shop pages; classify keywords and products",
                "Ad-slot scheduling for the self-operated store; order management three times a day",
                "Data statistics: platform traffic, regional distribution and other figures"),
                MEMBER_SECONDARY_DUTIES));
        posts.put("PRODUCT-PLANNER", new PostDefinition("Product planner", "PRODUCT", List.of(
                "Product analysis and planning: user-experience analysis and usability testing; activity pages",
                "Product function improvement: function points or bugs every day",
                "New product discovery and design",
                "User experience and traffic analysis: improve pages every day"), MEMBER_SECONDARY_DUTIES));
        posts.put("DESIGN-ARTIST", new PostDefinition("Designer (美工)", "DESIGN", List.of(
                "Templates, standard and agency-run detail pages",
                "Taobao shop posters, through-train ad images and shop decoration",
                "Cut-outs and retouching; shop signs and logos",
                "Page design, 360° panoramas and walk-through tours",
                "Product upload"), List.of(
                "Web design as required",
                "Flexible tasks assigned by the group's manager")));
        posts.put("PHOTO-PHOTOGRAPHER", new PostDefinition("Photographer", "PHOTO", List.of(
                "Product and shop photography for the platform"), MEMBER_SECONDARY_DUTIES));
        return posts;
    }
}
