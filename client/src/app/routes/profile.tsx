import { Alert, SimpleGrid, Stack } from "@mantine/core";
import { LoadingState } from "../../components/loading-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TitledCard } from "../../components/titled-card.tsx";
import {
  ChangePasswordForm,
  ProfileForm,
  SessionsList,
  useProfile,
} from "../../features/profile/index.ts";

export function ProfileRoute() {
  const profile = useProfile();
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your name, your e-mails' language, your password and where you are signed in."
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <TitledCard title="About you">
            {profile.isPending ? (
              <LoadingState />
            ) : profile.isError ? (
              <Alert color="red" role="alert" title="Your profile could not be loaded">
                {profile.error.message}
              </Alert>
            ) : (
              <ProfileForm profile={profile.data} />
            )}
          </TitledCard>
          <TitledCard title="Password">
            <ChangePasswordForm />
          </TitledCard>
        </SimpleGrid>
        <TitledCard title="Your sessions">
          <SessionsList />
        </TitledCard>
      </Stack>
    </>
  );
}
