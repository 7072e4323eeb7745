namespace Dangjian.Web.Infrastructure;

/// <summary>The caller's scope does not reach the record (ORG-5): answered 403.</summary>
public sealed class ScopeRefusedException : Exception
{
    public ScopeRefusedException()
        : base("Outside the caller's scope.")
    {
    }

    public ScopeRefusedException(string message)
        : base(message)
    {
    }

    public ScopeRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>No such record: answered 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string entity, object id)
        : base($"No {entity} {id}.")
    {
        Entity = entity;
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string Entity { get; } = string.Empty;
}
