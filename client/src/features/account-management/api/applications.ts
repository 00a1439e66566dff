import type { ApplicationListQuery, ApplicationPage } from "@shared/api/applications.ts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountManagementKeys } from "./keys.ts";

/** The Applications zone: the portfolio's applications, pending first, then the decided ones. */
type PortfolioApplicationsQuery = Omit<ApplicationListQuery, "partnerId">;

const getPortfolioApplications = (
  query: PortfolioApplicationsQuery,
  signal?: AbortSignal,
): Promise<ApplicationPage> =>
  api<ApplicationPage>("/api/v1/account-management/applications", { query, signal });

export const portfolioApplicationsQueryOptions = (query: PortfolioApplicationsQuery) =>
  queryOptions({
    queryKey: accountManagementKeys.applicationList(query),
    queryFn: ({ signal }) => getPortfolioApplications(query, signal),
    placeholderData: keepPreviousData,
  });

export function usePortfolioApplications(query: PortfolioApplicationsQuery) {
  return useQuery(portfolioApplicationsQueryOptions(query));
}

/** The one-row page the Applications tab asks for to show how many applications wait. */
export const pendingCountQuery: PortfolioApplicationsQuery = {
  status: "pending",
  page: 1,
  pageSize: 1,
};
