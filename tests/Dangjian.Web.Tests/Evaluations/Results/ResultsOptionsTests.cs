using Dangjian.Web.Features.Evaluations.Results;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Web.Tests.Evaluations.Results;

/// <summary>The results settings are read under the keys README's settings table documents.</summary>
public sealed class ResultsOptionsTests
{
    [Fact]
    public void CriticismShare_ReadFromTheDocumentedKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Evaluations:MassCriticismShare"] = "0.5" })
            .Build();

        var options = configuration.GetSection(ResultsOptions.Section).Get<ResultsOptions>();

        Assert.Equal(0.5m, options?.ResidentCriticismShare);
    }
}
