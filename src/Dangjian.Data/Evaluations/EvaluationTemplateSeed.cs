using Dangjian.Domain.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Evaluations;

/// <summary>
/// The templates every district starts with (EVA-1, EVA-10, EVA-9): 德能勤绩廉学（默认）, 民主评议党员 and 党支部书记量化考核
/// (written from <see cref="SecretaryAssessment.Criteria"/>, the one source of the secretaries' indicators), each added at
/// start-up only when no template of that name exists, so an admin's edit is never overwritten, a district that already
/// ran before gets the templates added since, and running it again changes nothing.
/// </summary>
public static class EvaluationTemplateSeed
{
    public const string DefaultName = "德能勤绩廉学（默认）";
    public const string MemberReviewName = "民主评议党员";
    public const string SecretaryName = SecretaryAssessment.TemplateName;
    public const string SeededAction = "EvaluationTemplate.Seeded";

    public static async Task<int> EnsureAsync(DangjianDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var held = await db.EvaluationTemplates.AsNoTracking().Select(t => t.Name).ToListAsync(ct);
        var added = 0;
        foreach (var (name, criteria) in new[]
                 {
                     (DefaultName, EvaluationCriteria.Default), (MemberReviewName, EvaluationCriteria.MemberReview),
                     (SecretaryName, SecretaryAssessment.Criteria),
                 })
        {
            if (!held.Contains(name))
            {
                db.EvaluationTemplates.Add(new EvaluationTemplate { Name = name, CriteriaJson = CampaignJson.Write(criteria) });
                added++;
            }
        }

        if (added == 0)
        {
            return 0;
        }

        db.AuditAction = SeededAction;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment seeded them first.
            db.ChangeTracker.Clear();
            return 0;
        }

        return added;
    }
}
